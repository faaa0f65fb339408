package dev.brisk.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Get;
import dev.brisk.Post;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.param;
import static dev.brisk.openapi.Docs.schema;
import static org.assertj.core.api.Assertions.assertThat;

class EnumsTest {
    public enum Color { RED, GREEN, BLUE }

    public enum Status {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("on-hold") ON_HOLD
    }

    public record Paint(Color color, List<Color> palette, Status status) {
    }

    public static class Routes {
        @Get("/colors/{color}")
        public Paint byColor(Color color, List<Status> status) {
            return null;
        }

        @Post("/paint")
        public void paint(Paint paint) {
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    @Test
    void enumParametersListTheirValues() {
        JsonNode op = op(doc, "GET", "/colors/{color}");
        assertThat(param(op, "color").path("schema")).isEqualTo(Docs.json("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\",\"BLUE\"]}"));
        assertThat(param(op, "status").path("schema").path("items").path("enum")).isEqualTo(Docs.json("[\"active\",\"on-hold\"]"));
    }

    @Test
    void enumFieldsUseTheirJsonNames() {
        JsonNode props = schema(doc, "Paint").path("properties");
        assertThat(Docs.nonNull(props.path("color")).path("enum")).isEqualTo(Docs.json("[\"RED\",\"GREEN\",\"BLUE\"]"));
        assertThat(props.path("palette").path("items").path("enum")).isEqualTo(Docs.json("[\"RED\",\"GREEN\",\"BLUE\"]"));
        assertThat(Docs.nonNull(props.path("status")).path("enum")).isEqualTo(Docs.json("[\"active\",\"on-hold\"]"));
    }
}
