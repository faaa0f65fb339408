package dev.brisk.settings;

import dev.brisk.Setting;
import dev.brisk.Settings;
import dev.brisk.SettingsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a setting's value comes from: system property, then environment, then the file, then the default; and its names. */
class SettingsPrecedenceTest {
    @Settings(prefix = "shop")
    record Shop(@Setting(defaultValue = "8000") int port,
                @Setting(defaultValue = "default") String greeting,
                Optional<String> dbUrl,
                List<String> corsOrigins,
                @Setting("database.pool-size") Optional<Integer> pool,
                Optional<String> maxURLLength) {}

    @Test
    void systemPropertiesBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.properties");
        Files.writeString(file, "shop.port=7000\nshop.greeting=from the file\nshop.db-url=jdbc:file\nshop.cors-origins=https://file.example\n");
        var env = Map.of("SHOP_PORT", "6000", "SHOP_GREETING", "from the environment");
        var props = Map.of("shop.port", "5000");

        Shop all = SettingsSource.of(env, props).withFile(file).bind(Shop.class);
        assertThat(all.port()).isEqualTo(5000);                        // system property
        assertThat(all.greeting()).isEqualTo("from the environment");  // environment over file
        assertThat(all.dbUrl()).contains("jdbc:file");                 // file over nothing
        assertThat(all.corsOrigins()).containsExactly("https://file.example");

        Shop noProps = SettingsSource.of(env, Map.of()).withFile(file).bind(Shop.class);
        assertThat(noProps.port()).isEqualTo(6000);

        Shop fileOnly = SettingsSource.of(Map.of(), Map.of()).withFile(file).bind(Shop.class);
        assertThat(fileOnly.port()).isEqualTo(7000);
        assertThat(fileOnly.greeting()).isEqualTo("from the file");

        Shop nothing = SettingsSource.of(Map.of(), Map.of()).bind(Shop.class);
        assertThat(nothing.port()).isEqualTo(8000);
        assertThat(nothing.greeting()).isEqualTo("default");
        assertThat(nothing.dbUrl()).isEmpty();
        assertThat(nothing.corsOrigins()).isEmpty();
    }

    @Test
    void namesFollowThePrefixAndTheComponentInKebabCase() {
        var env = Map.of("SHOP_DB_URL", "jdbc:env", "DATABASE_POOL_SIZE", "12", "SHOP_MAX_URL_LENGTH", "2048");
        Shop s = SettingsSource.of(env, Map.of()).bind(Shop.class);
        assertThat(s.dbUrl()).contains("jdbc:env");
        assertThat(s.pool()).contains(12);                  // @Setting's name is used as given, without the prefix
        assertThat(s.maxURLLength()).contains("2048");

        Shop p = SettingsSource.of(Map.of(), Map.of("shop.db-url", "jdbc:prop", "database.pool-size", "3")).bind(Shop.class);
        assertThat(p.dbUrl()).contains("jdbc:prop");
        assertThat(p.pool()).contains(3);

        // Names are exact: other spellings are not read.
        Shop other = SettingsSource.of(Map.of("shop_db_url", "x", "SHOP.DB-URL", "y", "SHOP_DBURL", "z"), Map.of("SHOP_DB_URL", "w")).bind(Shop.class);
        assertThat(other.dbUrl()).isEmpty();
    }

    record Plain(@Setting(defaultValue = "info") String logLevel) {}

    @Test
    void withoutAPrefixTheNamesAreTheComponentsAndAnEmptyValueCountsAsUnset() {
        assertThat(SettingsSource.of(Map.of("LOG_LEVEL", "debug"), Map.of()).bind(Plain.class).logLevel()).isEqualTo("debug");
        assertThat(SettingsSource.of(Map.of("LOG_LEVEL", ""), Map.of()).bind(Plain.class).logLevel()).isEqualTo("info");
        assertThat(SettingsSource.of(Map.of("LOG_LEVEL", "debug"), Map.of("log-level", "")).bind(Plain.class).logLevel()).isEqualTo("debug");
    }

    @Test
    void theStandardSourceReadsTheProcessAndTheFileItNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "log-level=from-file\n");
        System.setProperty("brisk.settings-file", file.toString());
        try {
            assertThat(SettingsSource.standard().bind(Plain.class).logLevel()).isEqualTo("from-file");
            System.setProperty("log-level", "from-property");
            assertThat(SettingsSource.standard().bind(Plain.class).logLevel()).isEqualTo("from-property");
        } finally {
            System.clearProperty("brisk.settings-file");
            System.clearProperty("log-level");
        }
    }
}
