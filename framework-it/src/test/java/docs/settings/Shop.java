package docs.settings;

import dev.brisk.*;
import jakarta.validation.constraints.*;
import java.net.URI;
import java.time.Duration;
import java.util.*;

public class Shop {
    @Settings(prefix = "shop")
    public record ShopSettings(
            @Setting(defaultValue = "Corner Shop") String name,   // SHOP_NAME, -Dshop.name
            URI databaseUrl,                                       // SHOP_DATABASE_URL: required
            Secret databasePassword,                               // SHOP_DATABASE_PASSWORD: never printed
            @Setting(defaultValue = "30s") Duration timeout,       // 30s, 500ms, 5m, PT30S ...
            @Setting(defaultValue = "10") @Min(1) @Max(100) int poolSize,
            List<String> currencies,                               // SHOP_CURRENCIES=EUR,CHF; empty when unset
            Optional<URI> cacheUrl) {}                             // empty when unset

    private final ShopSettings settings;

    public Shop(ShopSettings settings) {                           // a route class's constructor
        this.settings = settings;
    }

    @Get("/about")
    public Map<String, Object> about() {
        return Map.of("name", settings.name(), "currencies", settings.currencies());
    }

    public static App app() {
        return App.builder()
                .settings(ShopSettings.class)                      // bound when built; a StartupException names every problem
                .include(Shop.class)
                .build();
    }

    public static void main(String[] args) {
        app().run();                                               // BRISK_PORT, default 8000
    }
}
