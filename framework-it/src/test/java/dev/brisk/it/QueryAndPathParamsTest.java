package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Path;
import dev.brisk.Query;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.brisk.test.BriskAssertions.assertThat;

@BriskTest
class QueryAndPathParamsTest {
    public enum Color { red, blue }

    public static class Routes {
        @Get("/types/{i}")
        public Map<String, Object> types(int i, long l, double d, boolean b, Color c, UUID u, LocalDate day, BigDecimal money, char ch) {
            var m = new LinkedHashMap<String, Object>();
            m.put("i", i);
            m.put("l", l);
            m.put("d", d);
            m.put("b", b);
            m.put("c", c);
            m.put("u", u);
            m.put("day", day);
            m.put("money", money);
            m.put("ch", String.valueOf(ch));
            return m;
        }

        @Get("/bool")
        public boolean bool(boolean flag) {
            return flag;
        }

        @Get("/optional")
        public String optional(Optional<String> q, Optional<Integer> n) {
            return q.orElse("none") + "/" + n.map(String::valueOf).orElse("none");
        }

        @Get("/defaults")
        public String defaults(@Query(defaultValue = "5") int limit, @Query(value = "sort-by", defaultValue = "name") String sortBy) {
            return limit + "," + sortBy;
        }

        @Get("/lists")
        public Map<String, Object> lists(List<Integer> q, Set<String> tag) {
            return Map.of("q", q, "tag", tag);
        }

        @Get("/boxed")
        public String boxed(Integer n) {
            return String.valueOf(n);
        }

        @Get("/named/{item_id}")
        public int named(@Path("item_id") int itemId) {
            return itemId;
        }

        @Get("/decode")
        public String decode(String q) {
            return q;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void everySimpleTypeConverts() {
        var u = UUID.randomUUID();
        assertThat(client.request("GET", "/types/3").query("l", "9000000000").query("d", "2.5").query("b", "yes")
                .query("c", "blue").query("u", u.toString()).query("day", "2024-02-29").query("money", "10.10").query("ch", "x").send())
                .hasStatus(200)
                .hasJsonBody("{\"i\":3,\"l\":9000000000,\"d\":2.5,\"b\":true,\"c\":\"blue\",\"u\":\"" + u
                        + "\",\"day\":\"2024-02-29\",\"money\":10.10,\"ch\":\"x\"}");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", "on,true", "false,false", "0,false", "No,false", "off,false"})
    void booleansAcceptFastApiSpellings(String in, boolean expected) {
        assertThat(client.get("/bool?flag=" + in)).hasStatus(200).hasJsonBody(String.valueOf(expected));
    }

    @Test
    void badBooleanIs422() {
        assertThat(client.get("/bool?flag=maybe")).hasValidationError("bool_parsing", "query", "flag");
    }

    @Test
    void optionalsMayBeAbsent() {
        assertThat(client.get("/optional")).hasText("none/none");
        assertThat(client.get("/optional?q=x&n=4")).hasText("x/4");
        assertThat(client.get("/optional?n=x")).hasValidationError("int_parsing", "query", "n");
    }

    @Test
    void defaultsApplyAndWireNamesAreUsed() {
        assertThat(client.get("/defaults")).hasText("5,name");
        assertThat(client.get("/defaults?limit=7&sort-by=price")).hasText("7,price");
    }

    @Test
    void repeatedKeysFillListsAndSets() {
        assertThat(client.get("/lists?q=1&q=2&q=2&tag=a&tag=a&tag=b")).hasJsonBody("{\"q\":[1,2,2],\"tag\":[\"a\",\"b\"]}");
        assertThat(client.get("/lists")).hasJsonBody("{\"q\":[],\"tag\":[]}");
    }

    @Test
    void badListItemIsReportedWithItsIndex() {
        assertThat(client.get("/lists?q=1&q=x")).hasStatus(422)
                .hasJsonBody("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"q\",1],"
                        + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]}");
    }

    @Test
    void boxedWithoutDefaultIsRequired() {
        assertThat(client.get("/boxed")).hasValidationError("missing", "query", "n");
        assertThat(client.get("/boxed?n=3")).hasText("3");
    }

    @Test
    void explicitPathName() {
        assertThat(client.get("/named/12")).hasJsonBody("12");
    }

    @Test
    void queryValuesArePercentAndPlusDecoded() {
        assertThat(client.get("/decode?q=a+b%26c%3D%C3%A9")).hasText("a b&c=é");
    }

    @Test
    void conversionErrorsOfEveryKind() {
        var r = client.get("/types/x?l=1.5&d=abc&b=2&c=green&u=nope&day=2024-13-01&money=ten&ch=xy");
        assertThat(r).hasStatus(422)
                .hasValidationError("int_parsing", "path", "i")
                .hasValidationError("int_parsing", "query", "l")
                .hasValidationError("float_parsing", "query", "d")
                .hasValidationError("bool_parsing", "query", "b")
                .hasValidationError("enum", "query", "c")
                .hasValidationError("uuid_parsing", "query", "u")
                .hasValidationError("date_parsing", "query", "day")
                .hasValidationError("decimal_parsing", "query", "money")
                .hasValidationError("string_length", "query", "ch");
    }

    @Test
    void enumErrorListsTheExpectedValues() {
        var r = client.get("/types/1?l=1&d=1&b=1&c=green&u=" + UUID.randomUUID() + "&day=2024-01-01&money=1&ch=x");
        assertThat(r).hasStatus(422).hasJsonBody("{\"detail\":[{\"type\":\"enum\",\"loc\":[\"query\",\"c\"],"
                + "\"msg\":\"Input should be 'red' or 'blue'\",\"input\":\"green\",\"ctx\":{\"expected\":\"'red' or 'blue'\"}}]}");
    }
}
