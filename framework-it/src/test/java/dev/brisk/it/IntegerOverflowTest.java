package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * An integer that does not fit its Java type gets one answer whatever its length or form (path or
 * query text, JSON number, JSON string, integral JSON float): pydantic's {@code int_parsing_size},
 * "Unable to parse input string as an integer, exceeded maximum size".
 */
@BriskTest
class IntegerOverflowTest {
    private static final String TOO_BIG = "{\"detail\":[{\"type\":\"int_parsing_size\",\"loc\":%s,"
            + "\"msg\":\"Unable to parse input string as an integer, exceeded maximum size\",\"input\":%s}]}";

    public record Counts(int count, long total, short level, byte flags) {
    }

    public static class Routes {
        @Get("/items/{id}")
        public int read(int id) {
            return id;
        }

        @Get("/sum")
        public long sum(long total) {
            return total;
        }

        @Post("/counts")
        public Counts counts(Counts c) {
            return c;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    private TestResponse post(String json) {
        return client.request("POST", "/counts").body(json, "application/json").send();
    }

    @Test
    void textValuesOfAnyLength() {
        for (String n : List.of("2147483648", "12345678901234", "123456789012345678901234567", "-99999999999999999999999999999999")) {
            assertThat(client.get("/items/" + n)).as(n).hasStatus(422).hasJsonBody(TOO_BIG.formatted("[\"path\",\"id\"]", "\"" + n + "\""));
        }
        assertThat(client.get("/sum?total=9223372036854775808")).hasStatus(422)
                .hasJsonBody(TOO_BIG.formatted("[\"query\",\"total\"]", "\"9223372036854775808\""));
        assertThat(client.get("/sum?total=9223372036854775807")).hasStatus(200);
        assertThat(client.get("/items/12x")).hasValidationError("int_parsing", "path", "id");
    }

    @Test
    void jsonNumbersOfAnyLengthAndForm() {
        String ok = "\"total\":1,\"level\":1,\"flags\":1";
        for (String n : List.of("2147483648", "12345678901234", "123456789012345678901234567", "1e20", "-3e9", "\"12345678901234\"")) {
            assertThat(post("{\"count\":" + n + "," + ok + "}")).as(n).hasStatus(422)
                    .hasJsonBody(TOO_BIG.formatted("[\"body\",\"count\"]", n));
        }
        assertThat(post("{\"count\":1,\"total\":9223372036854775808,\"level\":32768,\"flags\":-129}")).hasStatus(422)
                .hasValidationError("int_parsing_size", "body", "total")
                .hasValidationError("int_parsing_size", "body", "level")
                .hasValidationError("int_parsing_size", "body", "flags");
        assertThat(post("{\"count\":2147483647,\"total\":-9223372036854775808,\"level\":-32768,\"flags\":127}")).hasStatus(200);
        assertThat(post("{\"count\":2.5," + ok + "}")).hasValidationError("int_from_float", "body", "count");
    }
}
