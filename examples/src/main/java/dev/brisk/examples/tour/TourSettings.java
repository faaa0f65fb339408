package dev.brisk.examples.tour;

import dev.brisk.Setting;
import dev.brisk.Settings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The tour's settings, from the environment (or {@code -Dtour.port=...}, or the properties file
 * named by {@code BRISK_SETTINGS_FILE}):
 *
 * <ul>
 *   <li>{@code TOUR_PORT}: where it listens (default 8000; a {@code --port} on the command line wins);</li>
 *   <li>{@code TOUR_CORS_ORIGINS}: the origins allowed to call it from a browser (and to open its WebSockets),
 *   comma-separated (default {@code https://app.example.com});</li>
 *   <li>{@code TOUR_CACHE_URL}: the cache to use, e.g. {@code redis://localhost:6379} (none: an in-process cache;
 *   {@code --cache URL} wins).</li>
 * </ul>
 */
@Settings(prefix = "tour")
public record TourSettings(@Setting(defaultValue = "8000") @Min(0) @Max(65535) int port,
                           @Setting(defaultValue = TourApp.FRONT_END) List<String> corsOrigins,
                           Optional<URI> cacheUrl) {
}
