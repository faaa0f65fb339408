package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: an app's document, checked by swagger-parser, as a JSON tree. */
final class Docs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Docs() {
    }

    /** The document of an app built from these route objects; it must validate. */
    static JsonNode of(Object... routes) {
        var b = App.builder().title("Test").version("1.0.0");
        for (Object r : routes) b.include(r);
        return of(b.build());
    }

    static JsonNode of(App app) {
        String json = OpenApi.json(app);
        assertValid(json);
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** swagger-parser reads the document without a single message. */
    static void assertValid(String json) {
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIParser().readContents(json, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    /** The operation at {@code method path}. */
    static JsonNode op(JsonNode doc, String method, String path) {
        JsonNode op = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as(method + " " + path + " in " + doc.path("paths").toString()).isFalse();
        return op;
    }

    /** The parameter named {@code name} of an operation. */
    static JsonNode param(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) if (p.path("name").asText().equals(name)) return p;
        throw new AssertionError("no parameter " + name + " in " + op);
    }

    /** The names of an operation's parameters, in order. */
    static List<String> paramNames(JsonNode op) {
        var out = new java.util.ArrayList<String>();
        op.path("parameters").forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    /** A component schema. */
    static JsonNode schema(JsonNode doc, String name) {
        JsonNode s = doc.path("components").path("schemas").path(name);
        assertThat(s.isMissingNode()).as("schema " + name + " in " + doc.path("components").path("schemas").toString()).isFalse();
        return s;
    }

    /** A property that may be null ({@code anyOf [T, {"type": "null"}]}): its T; any other schema as it is. */
    static JsonNode nonNull(JsonNode prop) {
        JsonNode any = prop.path("anyOf");
        if (any.size() == 2 && any.path(1).equals(json("{\"type\":\"null\"}"))) return any.path(0);
        return prop;
    }

    static List<String> texts(JsonNode array) {
        var out = new java.util.ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
