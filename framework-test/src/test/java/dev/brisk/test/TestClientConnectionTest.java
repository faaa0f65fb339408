package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Request;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** One kept-alive in-VM connection per client, replaced transparently when the server closes it. */
class TestClientConnectionTest {
    /** The server side sees the client's end of the connection as the peer address. */
    private static App app(Duration idleTimeout) {
        return App.builder()
                .route("GET", "/peer", (Request r) -> String.valueOf(r.remoteAddress()))
                .idleTimeout(idleTimeout)
                .build();
    }

    @Test
    void requestsShareOneKeptAliveConnection() {
        try (var client = TestClient.of(app(Duration.ofSeconds(60)))) {
            String first = client.get("/peer").text();
            for (int i = 0; i < 5; i++) assertThat(client.get("/peer").text()).isEqualTo(first);
        }
    }

    @Test
    void aConnectionClosedAfterItsResponseIsReplaced() {
        try (var client = TestClient.of(app(Duration.ofSeconds(60)))) {
            String before = client.get("/peer").text();
            var closing = client.request("GET", "/peer").header("Connection", "close").send();
            assertThat(closing).hasStatus(200).hasHeader("Connection", "close").hasText(before);
            assertThat(client.get("/peer").text()).isNotEqualTo(before);
        }
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplaced() throws InterruptedException {
        try (var client = TestClient.of(app(Duration.ofMillis(100)))) {
            String before = client.get("/peer").text();
            Thread.sleep(400);
            var after = client.get("/peer");
            assertThat(after).hasStatus(200);
            assertThat(after.text()).isNotEqualTo(before);
        }
    }

    @Test
    void clientsOfOneAppUseTheirOwnServer() {
        var app = app(Duration.ofSeconds(60));
        try (var a = TestClient.of(app); var b = TestClient.of(app)) {
            assertThat(a.get("/peer").text()).isNotEqualTo(b.get("/peer").text());
            assertThat(a.toString()).isNotEqualTo(b.toString()).contains("brisk-test-");
        }
    }
}
