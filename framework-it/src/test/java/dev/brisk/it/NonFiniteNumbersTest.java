package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NaN and the infinities are never bound: a number that overflows a double ({@code 1e400}), or the
 * words pydantic reads as non-finite ({@code inf}, {@code nan}, {@code Infinity}, any case) answer 422
 * {@code finite_number}, in bodies (flat records, nested values, lists) and in query values alike.
 */
@BriskTest
class NonFiniteNumbersTest {
    public record Price(double price) {
    }

    /** Flat: read by the streaming reader when it can. */
    public record Ratio(float ratio) {
    }

    public record Order(String sku, Price price, List<Double> extras, float ratio, Integer count, BigDecimal exact) {
    }

    public static class Routes {
        @Post("/prices")
        public Price price(Price p) {
            return p;
        }

        @Post("/ratios")
        public Ratio ratio(Ratio r) {
            return r;
        }

        @Post("/orders")
        public Order order(Order o) {
            return o;
        }

        @Get("/scale")
        public double scale(double factor, float small) {
            return factor * small;
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
    void anOverflowingNumberIsRejectedAndShownAsSent() {
        assertThat(post("/prices", "{\"price\":1e400}")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"finite_number","loc":["body","price"],"msg":"Input should be a finite number","input":1E+400}]}""");
        assertThat(post("/prices", "{\"price\":-1e400}")).hasValidationError("finite_number", "body", "price");
        assertThat(post("/prices", "{\"price\":1e400}").text()).contains("\"input\":1E+400");
        assertThat(post("/prices", "{\"price\":1e308}")).hasStatus(200).hasJsonBody("{\"price\":1e308}");
    }

    @Test
    void nonFiniteWordsAreRejected() {
        for (String word : List.of("inf", "-inf", "INF", "Infinity", "-Infinity", "nan", "NaN", "+nan", "1e400")) {
            assertThat(post("/prices", "{\"price\":\"" + word + "\"}")).as(word).hasStatus(422).hasJsonBody(
                    "{\"detail\":[{\"type\":\"finite_number\",\"loc\":[\"body\",\"price\"],\"msg\":\"Input should be a finite number\",\"input\":\""
                            + word + "\"}]}");
        }
    }

    @Test
    void nestedListAndSinglePrecisionValuesAreCheckedToo() {
        var r = post("/orders", "{\"sku\":\"a\",\"price\":{\"price\":1e999},\"extras\":[1,-1e400],\"ratio\":1e39,\"count\":1e400}");
        assertThat(r).hasStatus(422)
                .hasValidationError("finite_number", "body", "price", "price")
                .hasValidationError("finite_number", "body", "extras", 1)
                .hasValidationError("finite_number", "body", "ratio")
                .hasValidationError("finite_number", "body", "count");
        assertThat(r.text()).doesNotContain("Infinity");
    }

    @Test
    void aFloatBeyondItsRangeIsNotFiniteEvenInAFlatRecord() {
        assertThat(post("/ratios", "{\"ratio\":1e39}")).hasStatus(422).hasValidationError("finite_number", "body", "ratio");
        assertThat(post("/ratios", "{\"ratio\":3.4e38}")).hasStatus(200);
    }

    @Test
    void aDecimalKeepsAHugeNumberExactly() {
        var r = post("/orders", "{\"sku\":\"a\",\"ratio\":0.5,\"exact\":1e400}");
        assertThat(r).hasStatus(200);
        assertThat(r.text()).contains("\"exact\":1E+400");
        assertThat(new BigDecimal("1E+400")).isEqualByComparingTo("1e400");
    }

    @Test
    void queryValuesAreCheckedToo() {
        assertThat(client.get("/scale?factor=inf&small=1")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"finite_number","loc":["query","factor"],"msg":"Input should be a finite number","input":"inf"}]}""");
        assertThat(client.get("/scale?factor=1e400&small=1")).hasValidationError("finite_number", "query", "factor");
        assertThat(client.get("/scale?factor=1&small=1e39")).hasValidationError("finite_number", "query", "small");
        assertThat(client.get("/scale?factor=NaN&small=1")).hasValidationError("finite_number", "query", "factor");
        assertThat(client.get("/scale?factor=2&small=1.5")).hasStatus(200).hasText("3.0");
        assertThat(Map.of()).isEmpty();
    }
}
