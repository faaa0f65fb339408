package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfoTest {
    public static class Routes {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    @Test
    void infoComesFromTheBuilder() {
        JsonNode doc = Docs.of(App.builder().title("Shop").version("2.1.0").description("Buy **things**.").include(new Routes()).build());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info")).isEqualTo(Docs.json("{\"title\":\"Shop\",\"version\":\"2.1.0\",\"description\":\"Buy **things**.\"}"));
    }

    @Test
    void defaults() {
        JsonNode doc = Docs.of(App.builder().include(new Routes()).build());
        assertThat(doc.path("info")).isEqualTo(Docs.json("{\"title\":\"Brisk\",\"version\":\"0.1.0\"}"));
        // OAS: no servers means one server at "/"; saying so explicitly keeps tools from guessing.
        assertThat(doc.path("servers")).isEqualTo(Docs.json("[{\"url\":\"/\"}]"));
    }

    @Test
    void configuredServers() {
        JsonNode doc = Docs.of(App.builder().servers("https://api.example.com", "http://localhost:8000").include(new Routes()).build());
        assertThat(doc.path("servers")).isEqualTo(Docs.json("[{\"url\":\"https://api.example.com\"},{\"url\":\"http://localhost:8000\"}]"));
    }

    @Test
    void anAppWithoutRoutes() {
        JsonNode doc = Docs.of(App.builder().build());
        assertThat(doc.path("paths").size()).isZero();
    }
}
