package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Router;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

class OperationIdsTest {
    @Router(prefix = "/a", tags = "alpha")
    public static class A {
        @Get("/items/{itemId}")
        public String readItem(int itemId) {
            return "";
        }

        @Get
        public String list() {
            return "";
        }

        @Get(value = "/status", tags = {"alpha", "status"})
        public String getHTTPStatus() {
            return "";
        }

        @Get(value = "/custom", operationId = "custom", summary = "A custom one", description = "Longer *Markdown* text.")
        public String customA() {
            return "";
        }

        @Get(value = "/old", deprecated = true)
        public String old() {
            return "";
        }

        @Deprecated
        @Get("/older")
        public String older() {
            return "";
        }

        @Get(value = "/secret", hidden = true)
        public String secret() {
            return "";
        }
    }

    @Router(prefix = "/b")
    public static class B {
        @Get
        public String list() {
            return "";
        }

        @Post
        public String list(String name) {
            return "";
        }

        @Get(value = "/custom", operationId = "custom")
        public String customB() {
            return "";
        }

        @Get("/special")
        public String special() {
            return "";
        }

        @Get(value = "/also-special", operationId = "special")
        public String alsoSpecial() {
            return "";
        }
    }

    private final JsonNode doc = Docs.of(App.builder().include(new A()).include(new B())
            .route("GET", "/health", req -> "ok").build());

    @Test
    void theMethodNameByDefault() {
        assertThat(op(doc, "GET", "/a/items/{itemId}").path("operationId").asText()).isEqualTo("readItem");
        assertThat(op(doc, "GET", "/a/status").path("operationId").asText()).isEqualTo("getHTTPStatus");
    }

    @Test
    void collisionsFallBackToFastApisRuleForEveryRouteInvolved() {
        assertThat(op(doc, "GET", "/a").path("operationId").asText()).isEqualTo("list_a_get");
        assertThat(op(doc, "GET", "/b").path("operationId").asText()).isEqualTo("list_b_get");
        assertThat(op(doc, "POST", "/b").path("operationId").asText()).isEqualTo("list_b_post");
        // An implicit id never takes an explicit one.
        assertThat(op(doc, "GET", "/b/also-special").path("operationId").asText()).isEqualTo("special");
        assertThat(op(doc, "GET", "/b/special").path("operationId").asText()).isEqualTo("special_b_special_get");
    }

    @Test
    void explicitDuplicatesAreNumbered() {
        assertThat(op(doc, "GET", "/a/custom").path("operationId").asText()).isEqualTo("custom");
        assertThat(op(doc, "GET", "/b/custom").path("operationId").asText()).isEqualTo("custom_2");
    }

    @Test
    void operationIdsAreUnique() {
        var ids = new ArrayList<String>();
        doc.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).doesNotContain("");
    }

    @Test
    void summaryIsTheNameInTitleCase() {
        assertThat(op(doc, "GET", "/a/items/{itemId}").path("summary").asText()).isEqualTo("Read Item");
        assertThat(op(doc, "GET", "/a/status").path("summary").asText()).isEqualTo("Get HTTP Status");
        assertThat(op(doc, "GET", "/a").path("summary").asText()).isEqualTo("List");
        assertThat(op(doc, "GET", "/a/custom").path("summary").asText()).isEqualTo("A custom one");
    }

    @Test
    void descriptionTagsAndDeprecation() {
        assertThat(op(doc, "GET", "/a/custom").path("description").asText()).isEqualTo("Longer *Markdown* text.");
        assertThat(op(doc, "GET", "/a").has("description")).isFalse();
        assertThat(texts(op(doc, "GET", "/a").path("tags"))).containsExactly("alpha");
        assertThat(texts(op(doc, "GET", "/a/status").path("tags"))).containsExactly("alpha", "status");
        assertThat(op(doc, "GET", "/b").has("tags")).isFalse();
        assertThat(op(doc, "GET", "/a/old").path("deprecated").asBoolean()).isTrue();
        assertThat(op(doc, "GET", "/a/older").path("deprecated").asBoolean()).isTrue();
        assertThat(op(doc, "GET", "/a").has("deprecated")).isFalse();
    }

    @Test
    void hiddenRoutesAreLeftOut() {
        assertThat(doc.path("paths").has("/a/secret")).isFalse();
    }

    @Test
    void lambdaRoutesAreNamedByPathAndMethod() {
        JsonNode op = op(doc, "GET", "/health");
        assertThat(op.path("operationId").asText()).isEqualTo("health_get");
        assertThat(op.path("summary").asText()).isEqualTo("Health Get");
        assertThat(op.path("responses").path("200").path("content").path("application/json").path("schema")).isEqualTo(Docs.json("{}"));
    }
}
