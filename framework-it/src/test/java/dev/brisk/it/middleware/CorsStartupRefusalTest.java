package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unsafe or malformed CORS settings fail startup with a message that names the problem. */
class CorsStartupRefusalTest {
    private static void refused(Cors cors, String message) {
        assertThatThrownBy(() -> App.builder().middleware(cors).build())
                .isInstanceOf(StartupException.class).hasMessageContaining(message);
    }

    @Test
    void everyOriginWithCredentials() {
        refused(Cors.allowOrigins("*").allowCredentials(true), "allowOrigins(\"*\") with allowCredentials(true)");
    }

    @Test
    void theNullOriginWithCredentials() {
        refused(Cors.allowOrigins("https://app.example.com", "null").allowCredentials(true), "\"null\" with allowCredentials(true)");
        assertThatCode(() -> App.builder().middleware(Cors.allowOrigins("null")).build()).doesNotThrowAnyException();
    }

    @Test
    void exposingEveryHeaderWithCredentials() {
        refused(Cors.allowOrigins("https://app.example.com").exposeHeaders("*").allowCredentials(true), "exposeHeaders(\"*\")");
    }

    @Test
    void noOriginsOrAStarAmongOthers() {
        refused(Cors.allowOrigins(), "no origins given");
        refused(Cors.allowOrigins("*", "https://app.example.com"), "give it alone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://app.example.com/       | ends with a slash; an origin has no path",
            "https://app.example.com/api    | has a path",
            "app.example.com                | has no scheme",
            "//app.example.com              | has no scheme",
            "https://                       | has no host",
            "https://app.example.com:443    | names the default port",
            "http://app.example.com:80      | names the default port",
            "https://app.example.com:99999  | invalid port",
            "https://app.example.com:x      | invalid port",
            "https://user@app.example.com   | user info",
            "https://app.example.com?x=1    | query or fragment",
            "https://app.example.com#top    | query or fragment",
            "https://*.com                  | too broad",
            "https://*                      | that is not a leading",
            "https://a.*.example.com        | that is not a leading",
            "https://*example.com           | that is not a leading",
            "https://exämple.com            | punycode",
            "https://app..example.com       | invalid host",
            "https://[::1                   | unclosed IPv6",
            "https://[zz::1]                | invalid IPv6",
            "1https://app.example.com       | invalid scheme",
    })
    void malformedOrigins(String origin, String message) {
        refused(Cors.allowOrigins(origin), message);
    }

    @Test
    void originsWithSpaces() {
        refused(Cors.allowOrigins(" https://app.example.com"), "spaces");
        refused(Cors.allowOrigins("https://a.example.com, https://b.example.com"), "spaces");
    }

    @Test
    void malformedMethodsHeadersAndMaxAge() {
        var base = Cors.allowOrigins("https://app.example.com");
        refused(base.allowMethods("GET,POST"), "method \"GET,POST\" is not a valid HTTP token");
        refused(base.allowMethods(), "at least one method");
        refused(base.allowMethods("*", "GET"), "give it alone");
        refused(base.allowHeaders("X Token"), "header \"X Token\" is not a valid HTTP token");
        refused(base.allowHeaders("*", "X-Token"), "give it alone");
        refused(base.exposeHeaders("X-A;b"), "exposed header");
        refused(base.maxAge(Duration.ofSeconds(-1)), "maxAge must be zero or positive");
    }

    @Test
    void theMessageSaysWhereTheMiddlewareIsRegistered() {
        // Thrown where the middleware is registered: the stack trace points at the faulty configuration.
        assertThatThrownBy(() -> App.builder().middleware(Cors.allowOrigins("https://app.example.com/")))
                .isInstanceOf(StartupException.class)
                .hasMessage("Cors: the origin \"https://app.example.com/\" ends with a slash; an origin has no path: write \"https://app.example.com\"");
    }
}
