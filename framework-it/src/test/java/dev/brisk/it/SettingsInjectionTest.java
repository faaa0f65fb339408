package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.Secret;
import dev.brisk.Setting;
import dev.brisk.Settings;
import dev.brisk.SettingsSource;
import dev.brisk.StartupException;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A settings record bound by App.Builder.settings is a singleton for route constructors, handlers and providers. */
class SettingsInjectionTest {
    @Settings(prefix = "shop")
    public record ShopSettings(@Setting(defaultValue = "Shop") String name, List<String> currencies, Secret apiKey) {}

    public record Greeting(String text) {}

    public static final class Providers {
        @Provides
        public static Greeting greeting(ShopSettings settings) {
            return new Greeting("Welcome to " + settings.name());
        }
    }

    public static class Routes {
        private final ShopSettings settings;

        public Routes(ShopSettings settings) {   // from the constructor
            this.settings = settings;
        }

        @Get("/name")
        public String name() {
            return settings.name();
        }

        @Get("/currencies")
        public List<String> currencies(ShopSettings s) {   // as a handler parameter
            return s.currencies();
        }

        @Get("/greeting")
        public String greeting(@Depends Greeting g) {     // through a provider
            return g.text();
        }

        @Get("/settings")
        public ShopSettings all(ShopSettings s) {         // a secret in JSON is masked
            return s;
        }
    }

    @Test
    void routesHandlersAndProvidersGetTheBoundSettings() {
        var env = Map.of("SHOP_NAME", "Corner Shop", "SHOP_CURRENCIES", "EUR,CHF", "SHOP_API_KEY", "k-9f8e");
        var app = App.builder().settingsSource(SettingsSource.of(env, Map.of())).settings(ShopSettings.class)
                .include(Routes.class).include(new Providers()).build();
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/name").text()).isEqualTo("Corner Shop");
            assertThat(client.get("/currencies").text()).isEqualTo("[\"EUR\",\"CHF\"]");
            assertThat(client.get("/greeting").text()).isEqualTo("Welcome to Corner Shop");
            assertThat(client.get("/settings").text()).isEqualTo("{\"name\":\"Corner Shop\",\"currencies\":[\"EUR\",\"CHF\"],\"apiKey\":\"**********\"}");
        }
    }

    @Test
    void aMissingSettingStopsTheBuild() {
        assertThatThrownBy(() -> App.builder().settingsSource(SettingsSource.of(Map.of(), Map.of())).settings(ShopSettings.class)
                .include(Routes.class).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("ShopSettings.apiKey: missing: set the environment variable SHOP_API_KEY or the system property shop.api-key");
    }

    @Test
    void providedAndBoundIsAmbiguous() {
        var env = Map.of("SHOP_API_KEY", "k");
        assertThatThrownBy(() -> App.builder().settingsSource(SettingsSource.of(env, Map.of())).settings(ShopSettings.class)
                .provide(ShopSettings.class, new ShopSettings("x", List.of(), Secret.of("y"))).build())
                .hasMessageContaining("is both provided and bound as settings");
    }
}
