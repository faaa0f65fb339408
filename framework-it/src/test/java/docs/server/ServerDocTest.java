package docs.server;

import dev.brisk.it.docs.DocSnippets;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ServerDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/server.md");
    }

    @Test
    void theConfiguredServerServesAndStops() throws Exception {
        Settings.main(new String[0]);
        try (var server = Settings.app().start("127.0.0.1", 0)) {
            var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("pong");
        }
    }
}
