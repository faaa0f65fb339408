package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Get;
import dev.brisk.Post;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.schema;
import static org.assertj.core.api.Assertions.assertThat;

class RecursionTest {
    public record Category(String name, List<Category> children, Category parent) {
    }

    public record Employee(String name, Department department) {
    }

    public record Department(String name, List<Employee> staff, Map<String, Employee> byRole) {
    }

    public record Page<T>(List<T> items, int total) {
    }

    public record Order(Address billing, Address shipping) {
    }

    public record Address(String street, Geo geo) {
    }

    public record Geo(double lat, double lon) {
    }

    /** Two classes with one simple name. */
    public static final class Other {
        public record Address(String line) {
        }
    }

    public static class Routes {
        @Get("/categories")
        public Category tree() {
            return null;
        }

        @Get("/departments")
        public Department department() {
            return null;
        }

        @Get("/orders")
        public Page<Order> orders() {
            return null;
        }

        @Post("/addresses")
        public Other.Address other(Other.Address address) {
            return null;
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    @Test
    void selfReferenceGoesThroughComponents() {
        JsonNode cat = schema(doc, "Category").path("properties");
        assertThat(cat.path("children").path("items").path("$ref").asText()).isEqualTo("#/components/schemas/Category");
        assertThat(Docs.nonNull(cat.path("parent")).path("$ref").asText()).isEqualTo("#/components/schemas/Category");
    }

    @Test
    void mutualReferences() {
        assertThat(schema(doc, "Department").path("properties").path("staff").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Employee");
        assertThat(schema(doc, "Department").path("properties").path("byRole").path("additionalProperties").path("$ref").asText())
                .isEqualTo("#/components/schemas/Employee");
        assertThat(schema(doc, "Employee").path("properties").path("department").path("anyOf").path(0).path("$ref").asText())
                .isEqualTo("#/components/schemas/Department");
    }

    @Test
    void nestedAndGenericTypes() {
        assertThat(op(doc, "GET", "/orders").path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/PageOrder");
        assertThat(schema(doc, "PageOrder").path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Order");
        assertThat(schema(doc, "Order").path("properties").path("shipping").path("anyOf").path(0).path("$ref").asText()).isEqualTo("#/components/schemas/Address");
        assertThat(schema(doc, "Address").path("properties").path("geo").path("anyOf").path(0).path("$ref").asText()).isEqualTo("#/components/schemas/Geo");
        assertThat(schema(doc, "Geo").path("required")).isEqualTo(Docs.json("[\"lat\",\"lon\"]"));
    }

    @Test
    void aSecondClassWithATakenNameGetsItsQualifiedName() {
        String ref = op(doc, "POST", "/addresses").path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText();
        assertThat(ref).isEqualTo("#/components/schemas/dev.brisk.openapi.RecursionTest.Other.Address");
        assertThat(schema(doc, "dev.brisk.openapi.RecursionTest.Other.Address").path("properties").has("line")).isTrue();
        assertThat(schema(doc, "Address").path("properties").has("street")).isTrue();
    }
}
