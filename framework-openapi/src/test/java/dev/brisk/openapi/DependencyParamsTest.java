package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Router;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.param;
import static org.assertj.core.api.Assertions.assertThat;

class DependencyParamsTest {
    public record Db(String url) {
    }

    public record User(String name) {
    }

    public record Paging(int skip, int limit) {
    }

    public record ApiKey(String key) {
    }

    public record Tenant(String id) {
    }

    public static class Providers {
        @Provides
        public Db db(@Query(defaultValue = "main") String shard) {
            return new Db(shard);
        }

        @Provides
        public User user(@Header String authorization, Db db) {
            return new User(authorization);
        }

        @Provides
        public Paging paging(@Query(defaultValue = "0") int skip, @Query(defaultValue = "10") int limit, Db db) {
            return new Paging(skip, limit);
        }

        @Provides
        public ApiKey apiKey(@Header("X-Api-Key") String key) {
            return new ApiKey(key);
        }

        @Provides
        public Tenant tenant(@Cookie("tenant") Optional<String> id) {
            return new Tenant(id.orElse("default"));
        }
    }

    public static class Items {
        @Get("/items/{id}")
        public String read(int id, @Depends User user, @Depends Paging paging) {
            return "";
        }

        @Get("/plain")
        public String plain() {
            return "";
        }
    }

    @Router(prefix = "/admin", dependencies = ApiKey.class)
    public static class Admin {
        @Get("/stats")
        public String stats() {
            return "";
        }

        @Get("/users/{name}")
        public String user(String name) {
            return "";
        }
    }

    private final JsonNode doc = Docs.of(App.builder().include(new Providers()).include(new Items()).include(new Admin())
            .dependencies(Tenant.class).build());

    @Test
    void dependencyParametersAreTheRoutes() {
        JsonNode op = op(doc, "GET", "/items/{id}");
        assertThat(Docs.paramNames(op)).containsExactly("id", "shard", "skip", "limit", "authorization", "tenant");
        assertThat(param(op, "authorization").path("in").asText()).isEqualTo("header");
        assertThat(param(op, "authorization").path("required").asBoolean()).isTrue();
        assertThat(param(op, "limit").path("schema").path("default").asInt()).isEqualTo(10);
    }

    @Test
    void aSharedSubDependencyAppearsOnce() {
        JsonNode op = op(doc, "GET", "/items/{id}");
        assertThat(Docs.paramNames(op).stream().filter("shard"::equals)).hasSize(1);
    }

    @Test
    void routerAndAppDependenciesAddTheirParametersToEveryRoute() {
        for (String path : new String[]{"/admin/stats", "/admin/users/{name}"}) {
            JsonNode op = op(doc, "GET", path);
            assertThat(param(op, "X-Api-Key").path("required").asBoolean()).isTrue();
            assertThat(param(op, "tenant").path("in").asText()).isEqualTo("cookie");
            assertThat(op.path("responses").has("422")).as("dependency parameters can fail validation").isTrue();
        }
        assertThat(Docs.paramNames(op(doc, "GET", "/plain"))).containsExactly("tenant");
    }
}
