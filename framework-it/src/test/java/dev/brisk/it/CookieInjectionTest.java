package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.SetCookie;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A handler that puts a query parameter into a cookie cannot be made to send an attribute, another
 * cookie or another header: the value is refused where the handler builds the cookie, which is a
 * handler bug (500, nothing of the cookie sent). {@code SetCookie.encoded} is the way to store such text.
 */
class CookieInjectionTest {
    public static class Routes {
        @Get("/login")
        public String login(String v, Response response) {
            response.cookie("session", v);
            return "ok";
        }

        @Get("/returned")
        public Response returned(String v) {
            return Response.text("ok").cookie(SetCookie.of("session", v).withSecure(true));
        }

        @Get("/named")
        public String named(String name, Response response) {
            response.cookie(name, "v");
            return "ok";
        }

        @Get("/scoped")
        public String scoped(String path, String domain, Response response) {
            response.cookie(SetCookie.of("session", "v").withPath(path).withDomain(domain));
            return "ok";
        }

        @Get("/logout")
        public String logout(String name, Response response) {
            response.deleteCookie(name);
            return "bye";
        }

        @Get("/remember")
        public String remember(String v, Response response) {
            response.cookie(SetCookie.encoded("note", v));
            return "ok";
        }

        @Get("/recall")
        public String recall(@Cookie String note) {
            return URLDecoder.decode(note, StandardCharsets.UTF_8);
        }
    }

    static final String[] INJECTIONS = {"a; Domain=evil.com", "a;Path=/admin", "a, evil=1", "a\r\nSet-Cookie: evil=1", "a\nX-Evil: 1",
            "a b", "\"a", "a\"b", "a\\b", "caf\u00e9", "a\u0000b", "a\tb"};

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new Routes()).build(), TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/returned"})
    void aBadValueFromTheQueryIs500AndNoSetCookie(String path) {
        for (String v : INJECTIONS) {
            var r = client.request("GET", path).query("v", v).send();
            assertThat(r).as(v).hasStatus(500).hasJsonBody("{'detail': 'Internal Server Error'}").doesNotHaveHeader("Set-Cookie");
            assertThat(r.headers().keySet()).as(v).noneMatch(h -> h.toLowerCase().startsWith("x-evil"));
        }
        assertThat(client.cookies()).isEmpty();
    }

    @Test
    void aBadNameIs500AndNoSetCookie() {
        for (String name : new String[] {"a=b", "a b", "a;b", "a,b", "\"a\"", "s\u00e9", "a\r\nX-Evil: 1"}) {
            assertThat(client.request("GET", "/named").query("name", name).send()).as(name).hasStatus(500).doesNotHaveHeader("Set-Cookie");
        }
    }

    @Test
    void aBadPathOrDomainIs500AndNoSetCookie() {
        String[][] cases = {{"/;Domain=evil.com", "example.com"}, {"/a,b", "example.com"}, {"/a b", "example.com"}, {"/\r\nX: 1", "example.com"},
                {"/\u00e9", "example.com"}, {"/\"", "example.com"}, {"/", "evil.com; Secure"}, {"/", "a,b.com"}, {"/", "a b.com"},
                {"/", "a\r\n.com"}, {"/", "\"a.com\""}, {"/", "b\u00fccher.de"}, {"/", "a=b.com"}};
        for (String[] c : cases) {
            assertThat(client.request("GET", "/scoped").query("path", c[0]).query("domain", c[1]).send())
                    .as("%s %s", c[0], c[1]).hasStatus(500).doesNotHaveHeader("Set-Cookie");
        }
    }

    @Test
    void deleteCookieWithABadNameIs500AndNoSetCookie() {
        assertThat(client.request("GET", "/logout").query("name", "a; Domain=evil.com").send()).hasStatus(500).doesNotHaveHeader("Set-Cookie");
    }

    @Test
    void theTestSeesTheHandlersExceptionWhereItBuiltTheCookie() {
        try (var raising = TestClient.of(App.builder().include(new Routes()).build())) {
            assertThatThrownBy(() -> raising.request("GET", "/login").query("v", "a; Domain=evil.com").send())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid value for cookie \"session\": ';' at index 1 is not allowed")
                    .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("login")));
        }
    }

    @Test
    void aGoodValueIsSentAsOneCookie() {
        var r = client.request("GET", "/login").query("v", "abc123").send();
        assertThat(r).hasStatus(200);
        assertThat(r.headers().get("set-cookie")).containsExactly("session=abc123; Path=/; HTTPOnly; SameSite=Lax");
        assertThat(client.cookies()).isEqualTo(Map.of("session", "abc123"));
        client.clearCookies();
    }

    @Test
    void deleteCookieExpiresIt() {
        var r = client.request("GET", "/logout").query("name", "session").send();
        assertThat(r).hasStatus(200);
        assertThat(r.header("set-cookie")).startsWith("session=; Max-Age=0; Expires=").endsWith("; Path=/; HTTPOnly; SameSite=Lax");
    }

    @Test
    void anEncodedValueStoresAnyTextAndComesBack() {
        try (var c = TestClient.of(App.builder().include(new Routes()).build())) {
            for (String v : INJECTIONS) {
                var r = c.request("GET", "/remember").query("v", v).send();
                assertThat(r).hasStatus(200);
                String header = r.header("set-cookie");
                assertThat(header).as(v).matches("note=[A-Za-z0-9._~%-]*; Path=/; HTTPOnly; SameSite=Lax");
                assertThat(c.get("/recall").text()).isEqualTo(v);
            }
        }
    }
}
