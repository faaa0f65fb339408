package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.Get;
import dev.brisk.Options;
import dev.brisk.Put;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Preflight requests: answered by the CORS middleware itself (204 or 400), never by a route. */
class CorsPreflightTest {
    static final AtomicInteger OPTIONS_CALLS = new AtomicInteger();

    public static class Routes {
        @Get("/items")
        public String items() {
            return "items";
        }

        @Put("/items")
        public String put() {
            return "put";
        }

        @Options("/items")
        public String options() {
            OPTIONS_CALLS.incrementAndGet();
            return "the route's own OPTIONS";
        }

        @Get("/only-get")
        public String onlyGet() {
            return "x";
        }
    }

    static final Cors CORS = Cors.allowOrigins("https://app.example.com").allowMethods("GET", "POST", "PUT")
            .allowHeaders("X-Token").allowCredentials(true);

    static TestClient client(Cors cors) {
        return TestClient.of(App.builder().middleware(cors).include(new Routes()).build());
    }

    static TestResponse preflight(TestClient c, String path, String origin, String method, String headers) {
        var r = c.request("OPTIONS", path).header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) r.header("Access-Control-Request-Headers", headers);
        return r.send();
    }

    @Test
    void anAllowedPreflightIs204WithTheAllowHeadersAndNoBody() {
        try (var c = client(CORS)) {
            int before = OPTIONS_CALLS.get();
            var r = preflight(c, "/items", "https://app.example.com", "PUT", "x-token, content-type");
            assertThat(r).hasStatus(204)
                    .hasHeader("Access-Control-Allow-Origin", "https://app.example.com")
                    .hasHeader("Access-Control-Allow-Credentials", "true")
                    .hasHeader("Access-Control-Allow-Methods", "GET, POST, PUT")
                    .hasHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Language, Content-Type, X-Token")
                    .hasHeader("Access-Control-Max-Age", "600")
                    .hasHeader("Vary", "Origin")
                    .doesNotHaveHeader("Access-Control-Expose-Headers")
                    .doesNotHaveHeader("Content-Type");
            assertThat(r.bytes()).isEmpty();
            assertThat(OPTIONS_CALLS.get()).as("the route's OPTIONS handler ran").isEqualTo(before);
        }
    }

    @Test
    void aPreflightIsAnsweredWhereRoutingWouldSay405Or404() {
        try (var c = client(CORS)) {
            assertThat(c.options("/only-get")).hasStatus(405);   // without Origin and method: an ordinary OPTIONS request
            assertThat(preflight(c, "/only-get", "https://app.example.com", "GET", null)).hasStatus(204);
            assertThat(preflight(c, "/nowhere", "https://app.example.com", "GET", null)).hasStatus(204);
        }
    }

    @Test
    void anOptionsRequestThatIsNoPreflightReachesTheRoute() {
        try (var c = client(CORS)) {
            int before = OPTIONS_CALLS.get();
            var r = c.request("OPTIONS", "/items").header("Origin", "https://app.example.com").send();
            assertThat(r).hasStatus(200).hasText("the route's own OPTIONS")
                    .hasHeader("Access-Control-Allow-Origin", "https://app.example.com");
            assertThat(OPTIONS_CALLS.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void aDisallowedOriginIs400WithoutCorsHeaders() {
        try (var c = client(CORS)) {
            var r = preflight(c, "/items", "https://evil.example", "GET", null);
            assertThat(r).hasStatus(400).hasJsonBody("{\"detail\":\"Disallowed CORS origin\"}")
                    .doesNotHaveHeader("Access-Control-Allow-Origin").doesNotHaveHeader("Access-Control-Allow-Methods")
                    .doesNotHaveHeader("Access-Control-Allow-Credentials").hasHeader("Vary", "Origin");
        }
    }

    @Test
    void aDisallowedMethodOrHeaderIs400SayingWhich() {
        try (var c = client(CORS)) {
            assertThat(preflight(c, "/items", "https://app.example.com", "DELETE", null))
                    .hasStatus(400).hasJsonBody("{\"detail\":\"Disallowed CORS method\"}").doesNotHaveHeader("Access-Control-Allow-Origin");
            assertThat(preflight(c, "/items", "https://app.example.com", "get", null))
                    .as("methods are case-sensitive").hasStatus(400);
            assertThat(preflight(c, "/items", "https://app.example.com", "GET", "x-token, x-other"))
                    .hasStatus(400).hasJsonBody("{\"detail\":\"Disallowed CORS headers\"}");
            assertThat(preflight(c, "/items", "https://evil.example", "DELETE", "x-other"))
                    .hasStatus(400).hasJsonBody("{\"detail\":\"Disallowed CORS origin, method, headers\"}");
            assertThat(preflight(c, "/items", "https://app.example.com", "GET", "x-token; x=1"))
                    .as("a malformed header list").hasStatus(400);
        }
    }

    @Test
    void requestedHeadersMatchCaseInsensitivelyAndTheSafelistedOnesAreAlwaysAllowed() {
        try (var c = client(CORS)) {
            assertThat(preflight(c, "/items", "https://app.example.com", "POST", "X-TOKEN,Content-Type ,accept")).hasStatus(204);
            assertThat(preflight(c, "/items", "https://app.example.com", "POST", "")).hasStatus(204);
            try (var plain = client(Cors.allowOrigins("https://app.example.com"))) {
                var r = preflight(plain, "/items", "https://app.example.com", "POST", "content-type");
                assertThat(r).hasStatus(204).hasHeader("Access-Control-Allow-Methods", "GET, HEAD, POST")
                        .hasHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Language, Content-Type");
                assertThat(preflight(plain, "/items", "https://app.example.com", "PUT", null)).as("the default methods").hasStatus(400);
            }
        }
    }

    @Test
    void anyHeaderAndAnyMethodAreEchoedSoTheyWorkWithCredentials() {
        // Browsers read "*" literally on credentialed requests, and never let "*" cover Authorization.
        var cors = Cors.allowOrigins("https://app.example.com").allowMethods("*").allowHeaders("*").allowCredentials(true);
        try (var c = client(cors)) {
            var r = preflight(c, "/items", "https://app.example.com", "PATCH", "authorization, x-anything");
            assertThat(r).hasStatus(204)
                    .hasHeader("Access-Control-Allow-Methods", "PATCH")
                    .hasHeader("Access-Control-Allow-Headers", "authorization, x-anything")
                    .hasHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            assertThat(preflight(c, "/items", "https://app.example.com", "GET", null)).hasStatus(204)
                    .doesNotHaveHeader("Access-Control-Allow-Headers");
            assertThat(preflight(c, "/items", "https://app.example.com", "GE T", null)).as("not a method").hasStatus(400);
        }
    }

    @Test
    void everyOriginIsAnsweredWithAStarAndNoOriginVary() {
        try (var c = client(Cors.allowOrigins("*").allowMethods("GET", "PUT"))) {
            var r = preflight(c, "/items", "https://anyone.example", "PUT", null);
            assertThat(r).hasStatus(204).hasHeader("Access-Control-Allow-Origin", "*")
                    .hasHeader("Access-Control-Allow-Methods", "GET, PUT")
                    .doesNotHaveHeader("Access-Control-Allow-Credentials").doesNotHaveHeader("Vary");
        }
    }

    @Test
    void maxAgeIsConfigurable() {
        try (var c = client(CORS.maxAge(Duration.ofHours(2)))) {
            assertThat(preflight(c, "/items", "https://app.example.com", "GET", null)).hasHeader("Access-Control-Max-Age", "7200");
        }
        try (var c = client(CORS.maxAge(Duration.ZERO))) {
            assertThat(preflight(c, "/items", "https://app.example.com", "GET", null)).hasHeader("Access-Control-Max-Age", "0");
        }
    }
}
