package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Request;
import dev.brisk.Response;
import dev.brisk.SetCookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Cookies set by responses are kept per client and sent back, like a browser. */
class TestClientCookiesTest {
    public static class Session {
        @Post("/login")
        public Response login() {
            return Response.text("in").cookie(SetCookie.of("session", "abc123")).cookie("theme", "dark");
        }

        @Post("/logout")
        public Response logout() {
            return Response.text("out").cookie(SetCookie.of("session", "").withMaxAge(Duration.ZERO));
        }

        @Post("/expire")
        public Response expire() {
            return Response.text("expired").header("Set-Cookie", "theme=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }

        @Get("/whoami")
        public String whoami(@Cookie Optional<String> session) {
            return session.orElse("anonymous");
        }

        @Get("/cookie-header")
        public String cookieHeader(Request request) {
            return request.header("Cookie").orElse("");
        }
    }

    private static final App APP = App.builder().include(new Session()).build();
    private TestClient client;

    @BeforeEach
    void open() {
        client = TestClient.of(APP);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void cookiesSetByAResponseAreSentWithLaterRequests() {
        assertThat(client.get("/whoami")).hasText("anonymous");
        assertThat(client.post("/login", null)).hasStatus(200).hasHeader("Set-Cookie");
        assertThat(client.cookies()).containsExactly(Map.entry("session", "abc123"), Map.entry("theme", "dark"));
        assertThat(client.get("/whoami")).hasText("abc123");
        assertThat(client.get("/cookie-header")).hasText("session=abc123; theme=dark");
    }

    @Test
    void maxAgeZeroDeletesACookie() {
        client.post("/login", null);
        client.post("/logout", null);
        assertThat(client.cookies()).containsOnlyKeys("theme");
        assertThat(client.get("/whoami")).hasText("anonymous");
    }

    @Test
    void anExpiryDateInThePastDeletesACookie() {
        client.post("/login", null);
        client.post("/expire", null);
        assertThat(client.cookies()).containsOnlyKeys("session");
    }

    @Test
    void clearCookiesForgetsThemAll() {
        client.post("/login", null);
        client.clearCookies();
        assertThat(client.cookies()).isEmpty();
        assertThat(client.get("/cookie-header")).hasText("");
    }

    @Test
    void aRequestCookieIsSentOnceAndWinsOverTheJar() {
        assertThat(client.request("GET", "/whoami").cookie("session", "once").send()).hasText("once");
        assertThat(client.cookies()).isEmpty();
        client.post("/login", null);
        assertThat(client.request("GET", "/whoami").cookie("session", "mine").send()).hasText("mine");
        assertThat(client.get("/whoami")).hasText("abc123");
    }

    @Test
    void anExplicitCookieHeaderReplacesTheJar() {
        client.post("/login", null);
        assertThat(client.request("GET", "/cookie-header").header("Cookie", "a=1").send()).hasText("a=1");
    }

    @Test
    void eachClientHasItsOwnJar() {
        try (var other = TestClient.of(APP)) {
            client.post("/login", null);
            assertThat(other.get("/whoami")).hasText("anonymous");
            assertThat(other.cookies()).isEmpty();
        }
    }

    @Test
    void theCookiesMapIsASnapshot() {
        var before = client.cookies();
        client.post("/login", null);
        assertThat(before).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.cookies().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
