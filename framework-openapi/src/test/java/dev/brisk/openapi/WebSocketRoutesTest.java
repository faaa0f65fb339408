package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Query;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSocket routes are not OpenAPI operations (as in FastAPI): the document leaves them out; a page of their own lists them. */
class WebSocketRoutesTest {
    public static class Routes {
        @Get("/items")
        public String items() {
            return "";
        }

        @WebSocket(value = "/ws/chat/{room}", summary = "Chat <room>", description = "Broadcasts to the room.")
        public WebSocketListener chat(String room, @Query @Size(max = 20) String name, @Header("x-client") Optional<String> client) {
            return new WebSocketListener() { };
        }

        @WebSocket("/ws/plain")
        public void plain(WebSocketSession ws) {
        }
    }

    @Test
    void theDocumentHasOnlyTheHttpRoutes() {
        var doc = Docs.of(new Routes());
        assertThat(doc.path("paths").size()).isEqualTo(1);
        assertThat(doc.path("paths").has("/items")).isTrue();
        assertThat(doc.toString()).doesNotContain("/ws/");
    }

    @Test
    void theWebSocketPageListsEachRouteWithItsHandshakeParameters() {
        try (var http = new Http(App.builder().title("Chat & Co").include(new Routes()).build())) {
            var page = http.get("/docs/websockets");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            String body = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("<title>Chat &amp; Co - WebSocket routes</title>")
                    .contains("<code>WS /ws/chat/{room}</code>").contains("<b>Chat &lt;room&gt;</b>")
                    .contains("<td><code>room</code></td><td>path</td><td>String</td><td>yes</td>")
                    .contains("<td><code>name</code></td><td>query</td><td>String</td><td>yes</td>")
                    .contains("<td><code>x-client</code></td><td>header</td><td>Optional&lt;String&gt;</td><td>no</td>")
                    .contains("<code>WS /ws/plain</code>").contains("No parameters.");
        }
    }

    @Test
    void anAppWithoutWebSocketRoutesHasNoSuchPage() {
        try (var http = new Http(App.builder().include(new DocsPathsTest.Routes()).build())) {
            assertThat(http.get("/docs/websockets").statusCode()).isEqualTo(404);
        }
    }
}
