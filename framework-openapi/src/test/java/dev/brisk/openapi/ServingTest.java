package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static dev.brisk.openapi.Http.text;
import static dev.brisk.openapi.Http.type;
import static org.assertj.core.api.Assertions.assertThat;

class ServingTest {
    public static class Routes {
        @Get("/items/{id}")
        public String read(int id) {
            return "";
        }
    }

    private static App app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = App.builder().title("Shop <&> \"Docs\"").include(new Routes()).build();
        http = new Http(app);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void theDocumentIsServedAsJson() {
        var r = http.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).startsWith("application/json");
        assertThat(text(r)).isEqualTo(OpenApi.json(app));
        Docs.assertValid(text(r));
    }

    @Test
    void servedRoutesAreNotInTheDocument() {
        var paths = Docs.json(OpenApi.json(app)).path("paths");
        assertThat(paths.size()).isEqualTo(1);
        assertThat(paths.has("/items/{id}")).isTrue();
    }

    @Test
    void swaggerUiPageLoadsOnlyLocalFiles() {
        var r = http.get("/docs");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).isEqualTo("text/html; charset=utf-8");
        String html = text(r);
        assertThat(html).contains("<title>Shop &lt;&amp;&gt; &quot;Docs&quot; - Swagger UI</title>")
                .contains("src=\"/docs/swagger-ui-bundle.js\"")
                .contains("href=\"/docs/swagger-ui.css\"")
                .contains("src=\"/docs/swagger-ui-init.js\"")
                .doesNotContain("http://").doesNotContain("https://");
        String init = text(http.get("/docs/swagger-ui-init.js"));
        assertThat(init).contains("url: \"/openapi.json\"").contains("window.location.origin + \"/docs/oauth2-redirect\"")
                .contains("SwaggerUIBundle(");
    }

    @Test
    void swaggerUiFilesComeFromTheWebJar() throws Exception {
        String[][] files = {
                {"swagger-ui-bundle.js", "text/javascript; charset=utf-8"},
                {"swagger-ui.css", "text/css; charset=utf-8"},
                {"favicon-32x32.png", "image/png"},
                {"favicon-16x16.png", "image/png"},
                {"oauth2-redirect.js", "text/javascript; charset=utf-8"},
                {"swagger-ui-init.js", "text/javascript; charset=utf-8"}};
        for (String[] f : files) {
            var r = http.get("/docs/" + f[0]);
            assertThat(r.statusCode()).as(f[0]).isEqualTo(200);
            assertThat(type(r)).as(f[0]).isEqualTo(f[1]);
            assertThat(r.body()).as(f[0]).isNotEmpty();
        }
        assertThat(http.get("/docs/swagger-ui-bundle.js").body()).isEqualTo(webjar("swagger-ui", "swagger-ui-bundle.js"));
        assertThat(http.get("/docs/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(http.get("/docs/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void webJarFilesAreServedByTheStaticFileCode() {
        var r = http.get("/docs/swagger-ui-bundle.js");
        String etag = r.headers().firstValue("etag").orElseThrow();
        assertThat(r.headers().firstValue("last-modified")).isPresent();
        assertThat(r.headers().firstValue("accept-ranges")).contains("bytes");
        assertThat(http.get("/docs/swagger-ui-bundle.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
        var part = http.get("/redoc/redoc.standalone.js", "Range", "bytes=0-9");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(10);
    }

    @Test
    void oauth2RedirectPage() {
        var r = http.get("/docs/oauth2-redirect");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).isEqualTo("text/html; charset=utf-8");
        assertThat(text(r)).contains("oauth2-redirect.js");
        assertThat(text(http.get("/docs/oauth2-redirect.js"))).contains("swaggerUIRedirectOauth2");
    }

    @Test
    void redocPageAndScript() throws Exception {
        var r = http.get("/redoc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).isEqualTo("text/html; charset=utf-8");
        assertThat(text(r)).contains("<redoc spec-url=\"/openapi.json\"></redoc>")
                .contains("src=\"/redoc/redoc.standalone.js\"")
                .doesNotContain("http://").doesNotContain("https://");
        var js = http.get("/redoc/redoc.standalone.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(type(js)).isEqualTo("text/javascript; charset=utf-8");
        assertThat(js.body()).isEqualTo(webjar("redoc", "redoc.standalone.js"));
    }

    private static byte[] webjar(String artifact, String file) throws Exception {
        var props = new java.util.Properties();
        try (InputStream in = ServingTest.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
            props.load(in);
        }
        try (InputStream in = ServingTest.class.getClassLoader().getResourceAsStream(
                "META-INF/resources/webjars/" + artifact + "/" + props.getProperty("version") + "/" + file)) {
            return in.readAllBytes();
        }
    }
}
