package dev.brisk.settings;

import dev.brisk.App;
import dev.brisk.Secret;
import dev.brisk.Setting;
import dev.brisk.Settings;
import dev.brisk.SettingsSource;
import dev.brisk.StartupException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every missing or bad setting is reported in one startup failure, each naming its variable; secrets are never shown. */
class SettingsErrorsTest {
    @Settings(prefix = "shop")
    record Shop(@Min(1) @Max(65535) int port,
                Secret dbPassword,
                Duration timeout,
                List<Integer> ports,
                Optional<@Pattern(regexp = "https?://.+") String> publicUrl,
                boolean debug) {}

    @Test
    void everyProblemAtOnce() {
        var env = Map.of("SHOP_PORT", "eighty", "SHOP_TIMEOUT", "30 seconds", "SHOP_PORTS", "80,x443", "SHOP_DEBUG", "maybe",
                "SHOP_PUBLIC_URL", "ftp://files");
        assertThatThrownBy(() -> SettingsSource.of(env, Map.of()).bind(Shop.class))
                .isInstanceOf(StartupException.class)
                .hasMessage("""
                        settings are missing or invalid (6 problems):
                          Shop.port: "eighty" (environment variable SHOP_PORT): Input should be a valid integer, unable to parse string as an integer
                          Shop.dbPassword: missing: set the environment variable SHOP_DB_PASSWORD or the system property shop.db-password
                          Shop.timeout: "30 seconds" (environment variable SHOP_TIMEOUT): Input should be a duration such as 30s, 500ms, 5m, 2h, 1d or ISO 8601 (PT30S)
                          Shop.ports: "80,x443" (environment variable SHOP_PORTS): item 1 ("x443"): Input should be a valid integer, unable to parse string as an integer
                          Shop.publicUrl: "ftp://files" (environment variable SHOP_PUBLIC_URL): must match "https?://.+"
                          Shop.debug: "maybe" (environment variable SHOP_DEBUG): Input should be a valid boolean, unable to interpret input""");
    }

    @Test
    void constraintsAreCheckedOnceTheValuesConvert() {
        var env = Map.of("SHOP_PORT", "70000", "SHOP_DB_PASSWORD", "hunter2", "SHOP_TIMEOUT", "5s", "SHOP_PUBLIC_URL", "ftp://x");
        assertThatThrownBy(() -> SettingsSource.of(env, Map.of("shop.debug", "true")).bind(Shop.class))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("Shop.port: \"70000\" (environment variable SHOP_PORT): must be less than or equal to 65535")
                .hasMessageContaining("Shop.publicUrl: \"ftp://x\" (environment variable SHOP_PUBLIC_URL): must match \"https?://.+\"")
                .message().doesNotContain("hunter2");
    }

    record Key(@Min(100) Secret token, Secret other) {}

    @Test
    void aSecretsTextIsNeverInTheMessage() {
        var env = Map.of("TOKEN", "s3cr3t-value", "OTHER", "another-s3cr3t");
        // @Min on a Secret is no valid constraint: the failure says so, without the value.
        assertThatThrownBy(() -> SettingsSource.of(env, Map.of()).bind(Key.class)).message().doesNotContain("s3cr3t");
        record Port(Secret key, int port) {}
        assertThatThrownBy(() -> SettingsSource.of(Map.of("KEY", "s3cr3t-value", "PORT", "s3cr3t-value"), Map.of()).bind(Port.class))
                .hasMessageContaining("Port.port: \"s3cr3t-value\"");   // a non-secret setting shows its text ...
        record Keys(List<Secret> keys, int n) {}
        assertThatThrownBy(() -> SettingsSource.of(Map.of("KEYS", "a-s3cr3t,b-s3cr3t"), Map.of()).bind(Keys.class))
                .hasMessageContaining("Keys.n: missing").message().doesNotContain("s3cr3t");   // ... a secret never does
    }

    @Test
    void aDefaultThatDoesNotConvertAndAMissingFileAreReportedToo() {
        record Bad(@Setting(defaultValue = "soon") Duration delay) {}
        assertThatThrownBy(() -> SettingsSource.of(Map.of(), Map.of()).withFile(Path.of("/nonexistent/app.properties")).bind(Bad.class))
                .hasMessageContaining("Bad: the settings file /nonexistent/app.properties does not exist or is not a file")
                .hasMessageContaining("Bad.delay: \"soon\" (the default of Bad.delay): Input should be a duration");
    }

    @Test
    void typesThatCannotBeSettingsAreRefused() {
        record Nested(Map<String, String> map) {}
        assertThatThrownBy(() -> SettingsSource.of(Map.of(), Map.of()).bind(Nested.class))
                .hasMessageContaining("Nested.map: a setting cannot be of type java.util.Map<java.lang.String, java.lang.String>");
        record Misplaced(@Pattern(regexp = "x") Optional<String> name) {}
        assertThatThrownBy(() -> SettingsSource.of(Map.of("NAME", "y"), Map.of()).bind(Misplaced.class))
                .hasMessageContaining("Misplaced.name: its constraint does not apply to its type")
                .hasMessageContaining("Optional<@Pattern(...) String>");
        assertThatThrownBy(() -> App.builder().settings(String.class)).hasMessageContaining("must be a record");
    }

    @Test
    void theAppReportsItsOwnAndBrisksSettingsTogether() {
        var env = Map.of("BRISK_PORT", "http", "BRISK_MAX_BODY_SIZE", "-1", "BRISK_IDLE_TIMEOUT", "0s", "SHOP_PORT", "0");
        assertThatThrownBy(() -> App.builder().settingsSource(SettingsSource.of(env, Map.of())).settings(Shop.class).build())
                .isInstanceOf(StartupException.class)
                .hasMessage("""
                        settings are missing or invalid (7 problems):
                          FrameworkSettings.port: "http" (environment variable BRISK_PORT): Input should be a valid integer, unable to parse string as an integer
                          FrameworkSettings.maxBodySize: "-1" (environment variable BRISK_MAX_BODY_SIZE): must be at least 0 (bytes)
                          FrameworkSettings.idleTimeout: "0s" (environment variable BRISK_IDLE_TIMEOUT): must be longer than 0
                          Shop.port: "0" (environment variable SHOP_PORT): must be greater than or equal to 1
                          Shop.dbPassword: missing: set the environment variable SHOP_DB_PASSWORD or the system property shop.db-password
                          Shop.timeout: missing: set the environment variable SHOP_TIMEOUT or the system property shop.timeout
                          Shop.debug: missing: set the environment variable SHOP_DEBUG or the system property shop.debug""");
    }
}
