package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** CORS on actual (non-preflight) requests: which responses get which headers, and Vary. */
class CorsSimpleRequestTest {
    public static class Routes {
        @Get("/items")
        public Map<String, Integer> items() {
            return Map.of("count", 2);
        }

        @Post("/items")
        public Map<String, String> create() {
            return Map.of("created", "yes");
        }

        @Get("/varies")
        public Response varies() {
            return Response.text("by cookie").header("Vary", "Cookie").header("X-Total", "7");
        }
    }

    static App app(Cors cors) {
        return App.builder().middleware(cors).include(new Routes()).build();
    }

    static final Cors LISTED = Cors.allowOrigins("https://app.example.com", "https://*.example.org")
            .allowMethods("GET", "POST").allowHeaders("X-Token").exposeHeaders("X-Total").allowCredentials(true);

    private static TestResponse get(TestClient c, String path, String origin) {
        var r = c.request("GET", path);
        if (origin != null) r.header("Origin", origin);
        return r.send();
    }

    @Test
    void anAllowedOriginIsEchoedWithCredentialsAndExposedHeaders() {
        try (var c = TestClient.of(app(LISTED))) {
            var r = get(c, "/items", "https://app.example.com");
            assertThat(r).hasStatus(200).hasJsonBody("{\"count\":2}")
                    .hasHeader("Access-Control-Allow-Origin", "https://app.example.com")
                    .hasHeader("Access-Control-Allow-Credentials", "true")
                    .hasHeader("Access-Control-Expose-Headers", "X-Total")
                    .hasHeader("Vary", "Origin");
            assertThat(r).doesNotHaveHeader("Access-Control-Allow-Methods").doesNotHaveHeader("Access-Control-Max-Age");
            assertThat(get(c, "/items", "https://shop.example.org")).hasHeader("Access-Control-Allow-Origin", "https://shop.example.org");
            var post = c.request("POST", "/items").header("Origin", "https://app.example.com").send();
            assertThat(post).hasStatus(200).hasHeader("Access-Control-Allow-Origin", "https://app.example.com");
        }
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeadersButVary() {
        try (var c = TestClient.of(app(LISTED))) {
            for (String origin : new String[] {"https://evil.example", "http://app.example.com", "https://app.example.com.evil.example", "null"}) {
                var r = get(c, "/items", origin);
                assertThat(r).as(origin).hasStatus(200).hasJsonBody("{\"count\":2}")
                        .doesNotHaveHeader("Access-Control-Allow-Origin")
                        .doesNotHaveHeader("Access-Control-Allow-Credentials")
                        .doesNotHaveHeader("Access-Control-Expose-Headers")
                        .hasHeader("Vary", "Origin");
            }
        }
    }

    @Test
    void withoutAnOriginTheAnswerStillVariesByOrigin() {
        // A cache must not hand this origin-less answer to a cross-origin request.
        try (var c = TestClient.of(app(LISTED))) {
            var r = get(c, "/items", null);
            assertThat(r).hasStatus(200).doesNotHaveHeader("Access-Control-Allow-Origin").hasHeader("Vary", "Origin");
        }
    }

    @Test
    void theHandlersVaryIsKeptAndExtended() {
        try (var c = TestClient.of(app(LISTED))) {
            var r = get(c, "/varies", "https://app.example.com");
            assertThat(r.headers().get("Vary")).containsExactly("Cookie, Origin");
            assertThat(r).hasHeader("X-Total", "7").hasText("by cookie");
        }
    }

    @Test
    void everyOriginGetsAStarOnEveryResponseAndNoVary() {
        try (var c = TestClient.of(app(Cors.allowOrigins("*").exposeHeaders("*")))) {
            for (String origin : new String[] {"https://anyone.example", null}) {
                var r = get(c, "/items", origin);
                assertThat(r).as(String.valueOf(origin)).hasStatus(200)
                        .hasHeader("Access-Control-Allow-Origin", "*")
                        .hasHeader("Access-Control-Expose-Headers", "*")
                        .doesNotHaveHeader("Access-Control-Allow-Credentials")
                        .doesNotHaveHeader("Vary");
            }
        }
    }

    @Test
    void withoutCredentialsThereIsNoCredentialsHeader() {
        try (var c = TestClient.of(app(Cors.allowOrigins("https://app.example.com")))) {
            var r = get(c, "/items", "https://app.example.com");
            assertThat(r).hasHeader("Access-Control-Allow-Origin", "https://app.example.com")
                    .doesNotHaveHeader("Access-Control-Allow-Credentials").doesNotHaveHeader("Access-Control-Expose-Headers");
        }
    }

    @Test
    void theNullOriginIsAllowedOnlyWhenListed() {
        try (var c = TestClient.of(app(Cors.allowOrigins("null", "https://app.example.com")))) {
            assertThat(get(c, "/items", "null")).hasHeader("Access-Control-Allow-Origin", "null").hasHeader("Vary", "Origin");
        }
    }

    @Test
    void configuredOriginsAreMatchedAsBrowsersSendThem() {
        // Scheme and host are case-insensitive in the configuration; browsers send them in lower case.
        try (var c = TestClient.of(app(Cors.allowOrigins("HTTPS://App.Example.COM")))) {
            assertThat(get(c, "/items", "https://app.example.com")).hasHeader("Access-Control-Allow-Origin", "https://app.example.com");
        }
    }
}
