package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Body;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * An explicit JSON null is accepted exactly where the OpenAPI document allows {@code null}: collections,
 * maps and arrays never take it (pydantic's {@code list_type}, {@code set_type}, {@code dict_type}) unless
 * declared {@code Optional}; nor do list elements and map values; plain reference fields that are not
 * required do, and are then null.
 */
@BriskTest
class NullBodyFieldsTest {
    public record Tag(String label) {
    }

    public record Box(List<String> tags, Set<Integer> ids, Map<String, Integer> counts, String[] words,
                      Optional<List<String>> maybe, String note, Tag tag, @NotNull String code) {
    }

    public static class Routes {
        @Post("/box")
        public Map<String, Object> box(Box box) {
            return Map.of("tags", box.tags(), "ids", box.ids(), "counts", box.counts(), "words", box.words().length,
                    "maybe", box.maybe().map(List::size).orElse(-1), "note", String.valueOf(box.note()), "tag", String.valueOf(box.tag()));
        }

        @Post("/tags")
        public List<String> tags(@Body List<String> tags) {
            return tags;
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
    void nullCollectionsAreRejectedWithPydanticsTypes() {
        assertThat(post("/box", "{\"code\":\"c\",\"tags\":null,\"ids\":null,\"counts\":null,\"words\":null}")).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"list_type","loc":["body","tags"],"msg":"Input should be a valid list","input":null},
                  {"type":"set_type","loc":["body","ids"],"msg":"Input should be a valid set","input":null},
                  {"type":"dict_type","loc":["body","counts"],"msg":"Input should be a valid dictionary","input":null},
                  {"type":"list_type","loc":["body","words"],"msg":"Input should be a valid list","input":null}]}""");
    }

    @Test
    void absentCollectionsAreEmptyAndOptionalOnesTakeNull() {
        assertThat(post("/box", "{\"code\":\"c\",\"maybe\":null,\"note\":null,\"tag\":null}")).hasStatus(200)
                .hasJsonBody("{\"tags\":[],\"ids\":[],\"counts\":{},\"words\":0,\"maybe\":-1,\"note\":\"null\",\"tag\":\"null\"}");
        assertThat(post("/box", "{\"code\":\"c\",\"maybe\":[\"a\"]}")).hasStatus(200).hasJsonBody(
                "{\"tags\":[],\"ids\":[],\"counts\":{},\"words\":0,\"maybe\":1,\"note\":\"null\",\"tag\":\"null\"}");
    }

    @Test
    void nullElementsAndValuesAreRejected() {
        assertThat(post("/box", "{\"code\":\"c\",\"tags\":[\"a\",null],\"ids\":[null],\"counts\":{\"a\":null},\"words\":[null]}"))
                .hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"string_type","loc":["body","tags",1],"msg":"Input should be a valid string","input":null},
                  {"type":"int_type","loc":["body","ids",0],"msg":"Input should be a valid integer","input":null},
                  {"type":"int_type","loc":["body","counts","a"],"msg":"Input should be a valid integer","input":null},
                  {"type":"string_type","loc":["body","words",0],"msg":"Input should be a valid string","input":null}]}""");
        assertThat(post("/tags", "[\"a\",null]")).hasValidationError("string_type", "body", 1);
    }

    @Test
    void aRequiredFieldsNullIsReportedByItsConstraint() {
        assertThat(post("/box", "{\"code\":null}")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"not_null","loc":["body","code"],"msg":"Input should not be null","input":null}]}""");
    }
}
