package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.App;
import dev.brisk.openapi.docs.ItemStore;
import dev.brisk.openapi.docs.Items;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.param;
import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Java of {@code docs/openapi.md}: every {@code java} block there is a tagged region of
 * this file or of the classes in {@code dev.brisk.openapi.docs}, compiled and run here, and every
 * such region is in the page.
 */
class OpenApiDocsTest {
    private static final Path PAGE = Path.of("../docs/openapi.md");
    private static final Path TEST_SOURCES = Path.of("src/test/java/dev/brisk/openapi");

    @Test
    void describingRoutes() {
        // tag::app[]
        App app = App.builder()
                .title("Shop").version("1.0.0")
                .description("Everything in the **shop**.")
                .servers("https://shop.example.com")
                .include(new Items(new ItemStore()))
                .build();
        // end::app[]
        JsonNode doc = Docs.of(app);
        assertThat(doc.path("info").path("description").asText()).isEqualTo("Everything in the **shop**.");
        assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("https://shop.example.com");

        JsonNode read = op(doc, "GET", "/items/{id}");
        assertThat(read.path("summary").asText()).isEqualTo("Read one item");
        assertThat(read.path("description").asText()).isEqualTo("Answers 404 when there is no such item.");
        assertThat(texts(read.path("tags"))).containsExactly("items");
        assertThat(read.path("responses").has("404")).isTrue();

        JsonNode list = op(doc, "GET", "/items");
        assertThat(list.path("summary").asText()).isEqualTo("List");
        assertThat(list.path("operationId").asText()).isEqualTo("list");
        assertThat(param(list, "skip").path("schema")).isEqualTo(Docs.json("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":0,\"default\":0}"));
        assertThat(param(list, "limit").path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(param(list, "q").path("required").asBoolean()).isFalse();
        assertThat(list.path("responses").path("200").path("content").path("application/json").path("schema").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Item");

        JsonNode create = op(doc, "POST", "/items");
        assertThat(create.path("responses").has("201")).isTrue();
        assertThat(create.path("requestBody").path("required").asBoolean()).isTrue();
        assertThat(texts(schema(doc, "NewItem").path("required"))).containsExactly("name", "price");
        assertThat(schema(doc, "NewItem").path("properties").path("name")).isEqualTo(Docs.json("{\"type\":\"string\",\"minLength\":1,\"maxLength\":100,\"pattern\":\"\\\\S\"}"));
        assertThat(schema(doc, "NewItem").path("properties").path("price").path("exclusiveMinimum").asInt()).isZero();
        assertThat(schema(doc, "Item").path("properties").path("description").path("anyOf").size()).isEqualTo(2);

        JsonNode delete = op(doc, "DELETE", "/items/{id}");
        assertThat(delete.path("operationId").asText()).isEqualTo("removeItem");
        assertThat(delete.path("responses").path("204").has("content")).isFalse();
        assertThat(doc.path("paths").has("/items/stats")).isFalse();
    }

    @Test
    void declaringResponses() {
        JsonNode doc = Docs.of(App.builder().include(new dev.brisk.openapi.docs.Orders()).build());
        JsonNode read = op(doc, "GET", "/orders/{id}").path("responses");
        assertThat(read.path("401").path("description").asText()).isEqualTo("Not signed in");
        assertThat(read.path("404").path("description").asText()).isEqualTo("No such order");
        assertThat(read.path("404").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/HTTPError");
        JsonNode place = op(doc, "POST", "/orders").path("responses");
        assertThat(place.path("409").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Conflict");
        assertThat(place.has("401")).isTrue();
        assertThat(schema(doc, "Order").path("properties").path("note"))
                .isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}"));
    }

    @Test
    void servingPaths() {
        // tag::paths[]
        App app = App.builder()
                .openapiPath("/api/openapi.json")   // the pages read the document from here
                .docsPath("/api/docs")              // Swagger UI
                .redocPath(null)                    // no ReDoc
                .include(new Items(new ItemStore()))
                .build();
        // end::paths[]
        try (var http = new Http(app)) {
            assertThat(Http.text(http.get("/api/openapi.json"))).isEqualTo(OpenApi.json(app));
            assertThat(Http.text(http.get("/api/docs"))).contains("/api/docs/swagger-ui-bundle.js");
            assertThat(http.get("/api/docs/oauth2-redirect").statusCode()).isEqualTo(200);
            assertThat(http.get("/redoc").statusCode()).isEqualTo(404);
            assertThat(http.get("/docs").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void docsOff() {
        // tag::docs-off[]
        App app = App.builder().docs(false).include(new Items(new ItemStore())).build();
        // end::docs-off[]
        try (var http = new Http(app)) {
            assertThat(http.get("/openapi.json").statusCode()).isEqualTo(404);
            assertThat(http.get("/docs").statusCode()).isEqualTo(404);
            assertThat(http.get("/redoc").statusCode()).isEqualTo(404);
        }
        assertThat(OpenApi.json(app)).contains("\"/items/{id}\"");
    }

    @Test
    void exporting() throws IOException {
        App app = App.builder().title("Shop").include(new Items(new ItemStore())).build();
        // tag::export[]
        String json = OpenApi.json(app);   // compact: exactly what /openapi.json serves
        Files.writeString(Path.of("target/openapi.json"), OpenApi.prettyJson(app));
        // end::export[]
        Docs.assertValid(json);
        assertThat(Docs.json(Files.readString(Path.of("target/openapi.json")))).isEqualTo(Docs.json(json));
    }

    @Test
    void everyJavaBlockOfThePageIsATestedRegion() throws IOException {
        var regions = regions();
        var blocks = javaBlocks(Files.readString(PAGE));
        assertThat(regions).as("tagged regions").isNotEmpty();
        for (String block : blocks) {
            assertThat(regions.values()).as("a java block of docs/openapi.md that no test compiles:\n" + block).contains(block);
        }
        regions.forEach((name, text) -> assertThat(blocks).as("region '" + name + "' is missing from docs/openapi.md").contains(text));
    }

    private static List<String> javaBlocks(String markdown) {
        var out = new ArrayList<String>();
        var m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** {@code // tag::name[]} ... {@code // end::name[]}, de-indented, from this file and the docs package. */
    private static Map<String, String> regions() throws IOException {
        var out = new LinkedHashMap<String, String>();
        var files = new ArrayList<Path>();
        files.add(TEST_SOURCES.resolve("OpenApiDocsTest.java"));
        try (Stream<Path> s = Files.list(TEST_SOURCES.resolve("docs"))) {
            s.sorted().forEach(files::add);
        }
        var start = Pattern.compile("^\\s*// tag::([\\w-]+)\\[]\\s*$");
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                var m = start.matcher(lines.get(i));
                if (!m.matches()) continue;
                String name = m.group(1);
                var body = new ArrayList<String>();
                int j = i + 1;
                while (!lines.get(j).trim().equals("// end::" + name + "[]")) body.add(lines.get(j++));
                int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                var sb = new StringBuilder();
                for (String l : body) sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
                out.put(name, sb.toString());
            }
        }
        return out;
    }
}
