package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Response.html, Response.text with a charset, and the redirect statuses. */
class ResponseHelpersTest {
    public static class Routes {
        @Get("/page")
        public Response page() {
            return Response.html("<h1>Héllo</h1>");
        }

        @Get("/latin1")
        public Response latin1() {
            return Response.text("café", StandardCharsets.ISO_8859_1);
        }

        @Post("/form")
        public Response afterPost() {
            return Response.redirect("/done", 303);
        }

        @Get("/moved")
        public Response moved() {
            return Response.redirect("/new-home", 308);
        }

        @Get("/temp")
        public Response temp() {
            return Response.redirect("/elsewhere");
        }

        @Get("/split")
        public Response split() {
            return Response.redirect("/x\r\nSet-Cookie: evil=1", 302);
        }
    }

    @Test
    void htmlAndCharsets() {
        try (var c = TestClient.of(App.builder().include(new Routes()).build())) {
            assertThat(c.get("/page")).hasStatus(200).hasHeader("Content-Type", "text/html; charset=utf-8").hasText("<h1>Héllo</h1>");
            var latin = c.get("/latin1");
            assertThat(latin).hasHeader("Content-Type", "text/plain; charset=iso-8859-1").hasText("café");
            assertThat(latin.bytes()).containsExactly('c', 'a', 'f', 0xe9);
        }
    }

    @Test
    void redirectsWithTheChosenStatus() {
        try (var c = TestClient.of(App.builder().include(new Routes()).build(), TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(c.post("/form", null)).hasStatus(303).hasHeader("Location", "/done");
            assertThat(c.get("/moved")).hasStatus(308).hasHeader("Location", "/new-home");
            assertThat(c.get("/temp")).hasStatus(307).hasHeader("Location", "/elsewhere");
            var split = c.get("/split");
            assertThat(split).hasStatus(500);
            assertThat(split.header("Set-Cookie")).isNull();
        }
        assertThatThrownBy(() -> Response.redirect("/x", 200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("303");
    }
}
