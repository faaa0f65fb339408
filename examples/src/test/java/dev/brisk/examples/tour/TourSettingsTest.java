package dev.brisk.examples.tour;

import dev.brisk.SettingsSource;
import dev.brisk.StartupException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tour reads TOUR_PORT, TOUR_CORS_ORIGINS and TOUR_CACHE_URL; bad values are all reported at once. */
class TourSettingsTest {
    @Test
    void fromTheEnvironment() {
        var env = Map.of("TOUR_PORT", "9000", "TOUR_CORS_ORIGINS", "https://app.example.com, http://localhost:5173",
                "TOUR_CACHE_URL", "redis://localhost:6379");
        var s = SettingsSource.of(env, Map.of()).bind(TourSettings.class);
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
        assertThat(s.cacheUrl()).contains(URI.create("redis://localhost:6379"));
    }

    @Test
    void defaults() {
        var s = SettingsSource.of(Map.of(), Map.of()).bind(TourSettings.class);
        assertThat(s.port()).isEqualTo(8000);
        assertThat(s.corsOrigins()).containsExactly(TourApp.FRONT_END);
        assertThat(s.cacheUrl()).isEmpty();
    }

    @Test
    void everyBadValueAtOnce() {
        var env = Map.of("TOUR_PORT", "70000", "TOUR_CACHE_URL", "redis://bad host");
        assertThatThrownBy(() -> SettingsSource.of(env, Map.of()).bind(TourSettings.class))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("TourSettings.port: \"70000\" (environment variable TOUR_PORT): must be less than or equal to 65535")
                .hasMessageContaining("TourSettings.cacheUrl: \"redis://bad host\" (environment variable TOUR_CACHE_URL): Input should be a valid URL");
    }
}
