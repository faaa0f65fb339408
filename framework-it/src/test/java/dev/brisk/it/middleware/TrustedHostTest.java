package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.TrustedHost;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Which Host headers TrustedHost lets through: names, "*." patterns, ports, IP literals, malformed values. */
class TrustedHostTest {
    static App app(TrustedHost hosts) {
        return App.builder().middleware(hosts).route("GET", "/", req -> "ok").build();
    }

    static final TrustedHost HOSTS = TrustedHost.of("example.com", "*.example.com", "localhost", "127.0.0.1", "::1",
            "[2001:db8::1]", "Mixed.Case.org");
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(app(HOSTS));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "example.com              | 200",
            "EXAMPLE.com              | 200",
            "example.com:8080         | 200",
            "example.com.             | 200",   // the absolute form
            "example.com.:8080        | 200",
            "a.example.com            | 200",
            "a.b.example.com          | 200",
            "localhost:8000           | 200",
            "127.0.0.1                | 200",
            "127.0.0.1:8000           | 200",
            "[::1]                    | 200",
            "[::1]:8000               | 200",
            "[2001:DB8::1]:443        | 200",
            "mixed.case.org           | 200",
            "evil.com                 | 400",
            "example.com.evil.com     | 400",
            "notexample.com           | 400",
            ".example.com             | 400",
            "example.com..            | 400",
            "127.0.0.2                | 400",
            "[::2]                    | 400",
            "::1                      | 400",   // an IPv6 literal needs brackets in Host
            "[::1                     | 400",
            "[::1]x                   | 400",
            "example.com:abc          | 400",
            "example.com:123456       | 400",
            "example.com:80:80        | 400",
            "user@example.com         | 400",
            "example.com/path         | 400",
            "exa mple.com             | 400",
            "''                       | 400",
    })
    void host(String host, int status) {
        var r = client.request("GET", "/").header("Host", host).send();
        assertThat(r).hasStatus(status);
        if (status == 400) assertThat(r).hasJsonBody("{\"detail\":\"Invalid host header\"}");
        else assertThat(r).hasText("ok");
    }

    @Test
    void theTestClientsOwnHostIsJustAnotherHost() {
        assertThat(client.get("/")).hasStatus(400);
        assertThat(client.get("http://api.example.com/")).hasStatus(200);
    }

    @Test
    void everyHostStillNeedsAHost() {
        try (var server = app(TrustedHost.of("*")).start("127.0.0.1", 0)) {
            assertThat(RawClient.send(server.port(), "GET / HTTP/1.1\r\nHost: anything.example\r\n\r\n").status()).isEqualTo(200);
            assertThat(RawClient.send(server.port(), "GET / HTTP/1.0\r\n\r\n").status()).isEqualTo(400);
        }
    }

    @Test
    void http10WithoutOrWithSeveralHostsIsRefusedAndHttp11NeverGetsThatFar() {
        try (var server = app(HOSTS).start("127.0.0.1", 0)) {
            int port = server.port();
            assertThat(RawClient.send(port, "GET / HTTP/1.0\r\nHost: example.com\r\n\r\n").status()).isEqualTo(200);
            var noHost = RawClient.send(port, "GET / HTTP/1.0\r\n\r\n");
            assertThat(noHost.status()).isEqualTo(400);
            assertThat(noHost.body()).isEqualTo("{\"detail\":\"Invalid host header\"}");
            assertThat(RawClient.send(port, "GET / HTTP/1.0\r\nHost: example.com\r\nHost: evil.com\r\n\r\n").status()).isEqualTo(400);
            // HTTP/1.1 without exactly one Host is the server's 400, before any middleware.
            assertThat(RawClient.send(port, "GET / HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
            assertThat(RawClient.send(port, "GET / HTTP/1.1\r\nHost: example.com\r\nHost: example.com\r\n\r\n").status()).isEqualTo(400);
        }
    }
}
