package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Default;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * {@code @Default} on a record component, FastAPI's {@code done: bool = False}: an absent field takes the
 * default (in the streaming reader of flat records and in the tree reader), the field is not required,
 * an explicit null is the type's error, and the value is validated like a sent one.
 */
@BriskTest
class BodyDefaultsTest {
    /** Flat: read by the streaming reader when it can. */
    public record Todo(String title, @Default("false") boolean done, @Default("3") @Max(5) int priority, @Default("todo") String state) {
    }

    public record Point(int x, int y) {
    }

    /** With lists and records: the tree reader. */
    public record Board(@Default("[\"inbox\"]") @Size(max = 3) List<String> columns, @Default("{\"x\":0,\"y\":0}") @Valid Point origin,
                        List<Todo> todos) {
    }

    public static class Routes {
        @Post("/todos")
        public Todo todo(Todo t) {
            return t;
        }

        @Post("/boards")
        public Map<String, Object> board(Board b) {
            var columns = new ArrayList<>(b.columns());
            b.columns().add("mutated by the handler");   // must not leak into the next request's default
            return Map.of("columns", columns, "origin", b.origin(), "todos", b.todos());
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    private TestResponse post(String path, String json) {
        return client.request("POST", path).body(json, "application/json").send();
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        assertThat(post("/todos", "{\"title\":\"a\"}")).hasStatus(200)
                .hasJsonBody("{\"title\":\"a\",\"done\":false,\"priority\":3,\"state\":\"todo\"}");
        assertThat(post("/todos", "{}")).hasStatus(200).hasJsonBody("{\"title\":null,\"done\":false,\"priority\":3,\"state\":\"todo\"}");
        assertThat(post("/todos", "{\"title\":\"a\",\"done\":true,\"priority\":1,\"state\":\"x\"}")).hasStatus(200)
                .hasJsonBody("{\"title\":\"a\",\"done\":true,\"priority\":1,\"state\":\"x\"}");
    }

    @Test
    void aNullIsTheTypesError() {
        assertThat(post("/todos", "{\"done\":null,\"priority\":null,\"state\":null}")).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"bool_type","loc":["body","done"],"msg":"Input should be a valid boolean","input":null},
                  {"type":"int_type","loc":["body","priority"],"msg":"Input should be a valid integer","input":null},
                  {"type":"string_type","loc":["body","state"],"msg":"Input should be a valid string","input":null}]}""");
    }

    @Test
    void sentValuesAreStillValidated() {
        assertThat(post("/todos", "{\"priority\":9}")).hasValidationError("max", "body", "priority");
    }

    @Test
    void listAndRecordDefaultsAreFreshEachTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/boards", "{\"todos\":[{\"title\":\"t\"}]}")).hasStatus(200).hasJsonBody("""
                    {"columns":["inbox"],"origin":{"x":0,"y":0},"todos":[{"title":"t","done":false,"priority":3,"state":"todo"}]}""");
        }
        assertThat(post("/boards", "{\"columns\":null}")).hasValidationError("list_type", "body", "columns");
    }
}
