package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Origin values the configured origins and patterns allow: exact, "*." hosts, ":*" ports. */
class CorsOriginPatternsTest {
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder()
                .middleware(Cors.allowOrigins("https://*.example.com", "http://localhost:*", "https://app.example.net:8443",
                        "http://[::1]:3000", "https://exact.example.org"))
                .route("GET", "/", req -> "ok").build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://a.example.com           | true",
            "https://a.b.example.com         | true",
            "https://a-1.example.com         | true",
            "https://example.com             | false",   // "*." needs a subdomain
            "http://a.example.com            | false",   // another scheme
            "https://a.example.com:8443      | false",   // another port
            "https://a.example.com:443       | false",   // browsers never send the default port
            "https://a.example.com.evil.com  | false",
            "https://evilexample.com         | false",
            "https://evil.com#.example.com   | false",
            "https://evil.com/.example.com   | false",
            "https://.example.com            | false",
            "https://a..example.com          | false",
            "https://A.example.com           | false",   // browsers send lower case; anything else is not a browser's origin
            "http://localhost                | true",
            "http://localhost:5173           | true",
            "http://localhost:65535          | true",
            "http://localhost:123456         | false",
            "http://localhost:               | false",
            "http://localhost:80a            | false",
            "http://localhostx               | false",
            "http://127.0.0.1:5173           | false",
            "https://app.example.net:8443    | true",
            "https://app.example.net         | false",
            "https://app.example.net:844     | false",
            "https://app.example.net:84430   | false",
            "http://[::1]:3000               | true",
            "http://[::1]                    | false",
            "https://exact.example.org       | true",
            "https://exact.example.org:443   | false",
            "https://exact.example.org/      | false",
            "https://sub.exact.example.org   | false",
            "null                            | false",
    })
    void origin(String origin, boolean allowed) {
        var r = client.request("GET", "/").header("Origin", origin).send();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(allowed ? origin : null);
    }
}
