package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.Get;
import dev.brisk.SettingsSource;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** BRISK_CORS_ORIGINS and BRISK_ACCESS_LOG configure those middleware without code; a Cors or AccessLog in the code wins. */
class SettingsMiddlewareTest {
    public static class Routes {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    private static App app(Map<String, String> env, boolean cors) {
        var b = App.builder().docs(false).include(new Routes()).settingsSource(SettingsSource.of(env, Map.of()));
        if (cors) b.middleware(Cors.allowOrigins("https://code.example.com"));
        return b.build();
    }

    @Test
    void corsOriginsFromTheEnvironment() {
        try (var c = TestClient.of(app(Map.of("BRISK_CORS_ORIGINS", "https://a.example.com,https://b.example.com"), false))) {
            var res = c.request("GET", "/ping").header("Origin", "https://b.example.com").send();
            assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("https://b.example.com");
            assertThat(c.request("GET", "/ping").header("Origin", "https://evil.example.com").send().header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void aCorsInTheCodeWins() {
        try (var c = TestClient.of(app(Map.of("BRISK_CORS_ORIGINS", "https://a.example.com"), true))) {
            assertThat(c.request("GET", "/ping").header("Origin", "https://a.example.com").send().header("Access-Control-Allow-Origin")).isNull();
            assertThat(c.request("GET", "/ping").header("Origin", "https://code.example.com").send().header("Access-Control-Allow-Origin"))
                    .isEqualTo("https://code.example.com");
        }
    }

    @Test
    void theAccessLogFromTheEnvironment() {
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(Map.of("BRISK_ACCESS_LOG", "true"), false))) {
            assertThat(c.get("/ping?token=s3cret").text()).isEqualTo("pong");
            assertThat(log.await(1)).anySatisfy(l -> assertThat(l).contains("GET").contains("/ping").contains("200").doesNotContain("s3cret"));
        }
        try (var log = LogCapture.of("dev.brisk.access"); var c = TestClient.of(app(Map.of(), false))) {
            c.get("/ping");
            assertThat(log.messages()).isEmpty();
        }
    }
}
