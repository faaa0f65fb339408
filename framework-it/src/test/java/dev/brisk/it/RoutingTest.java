package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Router;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BriskTest
class RoutingTest {
    @Router(prefix = "/r")
    public static class Routes {
        @Get("/users/me")
        public String me() {
            return "static";
        }

        @Get("/users/{id}")
        public String user(String id) {
            return "param:" + id;
        }

        @Get("/users/{id}/posts")
        public String posts(String id) {
            return "posts:" + id;
        }

        @Post("/users/{id}")
        public String update(String id) {
            return "updated:" + id;
        }

        @Get("/files/{file:path}")
        public String file(String file) {
            return "file:" + file;
        }

        @Get("/files/readme")
        public String readme() {
            return "readme";
        }

        @Get
        public String root() {
            return "root";
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void staticSegmentBeatsParameter() {
        assertThat(client.get("/r/users/me")).hasStatus(200).hasText("static");
        assertThat(client.get("/r/users/42")).hasStatus(200).hasText("param:42");
    }

    @Test
    void parameterSegmentsAreDecoded() {
        assertThat(client.get("/r/users/a%20b")).hasText("param:a b");
        assertThat(client.get("/r/users/%C3%A9t%C3%A9")).hasText("param:été");
    }

    @Test
    void nestedParameterRoutes() {
        assertThat(client.get("/r/users/7/posts")).hasText("posts:7");
    }

    @Test
    void pathConverterTakesTheRest() {
        assertThat(client.get("/r/files/a/b/c.txt")).hasText("file:a/b/c.txt");
        assertThat(client.get("/r/files/readme")).hasText("readme");
    }

    @Test
    void routerPrefixAloneIsARoute() {
        assertThat(client.get("/r")).hasText("root");
    }

    @Test
    void unknownPathIs404() {
        assertThat(client.get("/nope")).hasStatus(404).hasJsonBody("{\"detail\":\"Not Found\"}");
        assertThat(client.get("/r/users")).hasStatus(404);
        assertThat(client.get("/r/users/1/posts/2")).hasStatus(404);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var r = client.delete("/r/users/1");
        assertThat(r).hasStatus(405).hasJsonBody("{\"detail\":\"Method Not Allowed\"}");
        assertThat(r.header("Allow")).contains("GET").contains("POST").contains("HEAD");
    }

    @Test
    void headOnGetRouteHasNoBody() {
        var r = client.head("/r/users/me");
        assertThat(r).hasStatus(200);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.header("content-length")).isEqualTo("6");
    }

    @Test
    void postRouteDistinctFromGet() {
        assertThat(client.post("/r/users/5", null)).hasStatus(200).hasText("updated:5");
    }
}
