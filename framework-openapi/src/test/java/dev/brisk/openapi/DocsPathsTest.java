package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import static dev.brisk.openapi.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

class DocsPathsTest {
    public static class Routes {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    private static App.Builder app() {
        return App.builder().include(new Routes());
    }

    @Test
    void docsFalseTurnsEverythingOff() {
        App app = app().docs(false).build();
        try (var http = new Http(app)) {
            for (String path : new String[]{"/openapi.json", "/docs", "/docs/swagger-ui-bundle.js", "/docs/oauth2-redirect", "/redoc",
                    "/redoc/redoc.standalone.js"}) {
                assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(http.get("/ping").statusCode()).isEqualTo(200);
        }
        // The document itself is still there for code, e.g. to export it.
        assertThat(Docs.json(OpenApi.json(app)).path("paths").has("/ping")).isTrue();
    }

    @Test
    void noDocumentPathMeansNoUisEither() {
        try (var http = new Http(app().openapiPath(null).build())) {
            assertThat(http.get("/openapi.json").statusCode()).isEqualTo(404);
            assertThat(http.get("/docs").statusCode()).isEqualTo(404);
            assertThat(http.get("/redoc").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void eachUiCanBeTurnedOffAlone() {
        try (var http = new Http(app().docsPath(null).build())) {
            assertThat(http.get("/openapi.json").statusCode()).isEqualTo(200);
            assertThat(http.get("/docs").statusCode()).isEqualTo(404);
            assertThat(http.get("/docs/swagger-ui.css").statusCode()).isEqualTo(404);
            assertThat(http.get("/redoc").statusCode()).isEqualTo(200);
        }
        try (var http = new Http(app().redocPath(null).build())) {
            assertThat(http.get("/docs").statusCode()).isEqualTo(200);
            assertThat(http.get("/redoc").statusCode()).isEqualTo(404);
            assertThat(http.get("/redoc/redoc.standalone.js").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void pathsAreConfigurable() {
        App app = app().openapiPath("/api/v1/schema.json").docsPath("/api/swagger").redocPath("/api/reference").build();
        try (var http = new Http(app)) {
            assertThat(http.get("/openapi.json").statusCode()).isEqualTo(404);
            assertThat(text(http.get("/api/v1/schema.json"))).isEqualTo(OpenApi.json(app));
            assertThat(text(http.get("/api/swagger"))).contains("src=\"/api/swagger/swagger-ui-bundle.js\"");
            assertThat(text(http.get("/api/swagger/swagger-ui-init.js"))).contains("url: \"/api/v1/schema.json\"")
                    .contains("\"/api/swagger/oauth2-redirect\"");
            assertThat(http.get("/api/swagger/oauth2-redirect").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/swagger/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
            assertThat(text(http.get("/api/reference"))).contains("spec-url=\"/api/v1/schema.json\"")
                    .contains("src=\"/api/reference/redoc.standalone.js\"");
            assertThat(http.get("/api/reference/redoc.standalone.js").statusCode()).isEqualTo(200);
        }
        assertThat(Docs.json(OpenApi.json(app)).path("paths").size()).isEqualTo(1);
    }

    @Test
    void headRequestsWork() throws Exception {
        try (var http = new Http(app().build())) {
            var client = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + http.port() + "/openapi.json")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            var r = client.send(req, java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }
}
