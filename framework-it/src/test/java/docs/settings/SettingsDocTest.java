package docs.settings;

import dev.brisk.App;
import dev.brisk.SettingsSource;
import dev.brisk.StartupException;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/settings.md");
    }

    @Test
    void theShopReadsItsSettings() {
        var env = Map.of("SHOP_DATABASE_URL", "postgresql://db/shop", "SHOP_DATABASE_PASSWORD", "hunter2", "SHOP_CURRENCIES", "EUR,CHF");
        var app = App.builder().settingsSource(SettingsSource.of(env, Map.of())).settings(Shop.ShopSettings.class).include(Shop.class).build();
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/about").json().get("currencies").toString()).isEqualTo("[\"EUR\",\"CHF\"]");
            assertThat(client.get("/about").json().get("name").asText()).isEqualTo("Corner Shop");
        }
    }

    @Test
    void theDocumentedFailure() {
        var env = Map.of("SHOP_TIMEOUT", "30 seconds", "SHOP_POOL_SIZE", "500", "SHOP_DATABASE_PASSWORD", "hunter2");
        assertThatThrownBy(() -> App.builder().settingsSource(SettingsSource.of(env, Map.of())).settings(Shop.ShopSettings.class)
                .include(Shop.class).build())
                .isInstanceOf(StartupException.class)
                .hasMessage("""
                        settings are missing or invalid (3 problems):
                          ShopSettings.databaseUrl: missing: set the environment variable SHOP_DATABASE_URL or the system property shop.database-url
                          ShopSettings.timeout: "30 seconds" (environment variable SHOP_TIMEOUT): Input should be a duration such as 30s, 500ms, 5m, 2h, 1d or ISO 8601 (PT30S)
                          ShopSettings.poolSize: "500" (environment variable SHOP_POOL_SIZE): must be less than or equal to 100""");
    }

    @Test
    void theStandardSourceIsTheDefault() {
        // Without SHOP_DATABASE_URL in this process's environment, the page's app does not build.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SHOP_DATABASE_URL") == null);
        assertThatThrownBy(Shop::app).hasMessageContaining("SHOP_DATABASE_URL");
    }
}
