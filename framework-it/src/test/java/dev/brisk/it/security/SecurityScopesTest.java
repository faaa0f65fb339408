package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.Router;
import dev.brisk.security.BearerToken;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScopes;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brisk.it.security.Auth.answers;

/**
 * Scopes declared on routers, routes, providers and dependency parameters add up, outermost first;
 * the checking dependency sees them all, and a token that lacks one is answered 403 naming them.
 */
@BriskTest
class SecurityScopesTest {
    static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/token")
            .scope("items", "Items").scope("admin", "Admin").scope("me", "Me").scope("audit", "Audit");

    public record User(String name, List<String> seen) {
    }

    public record Admin(User user) {
    }

    public static class Providers {
        @Provides
        public static User currentUser(BearerToken token, SecurityScopes scopes) {
            // the token's value lists the scopes it grants, e.g. "items.admin"
            var granted = List.of(token.value().split("\\."));
            scopes.check(granted);
            return new User("u", scopes.scopes());
        }

        @Provides
        @Scopes("audit")
        public static Admin admin(@Scopes("admin") User user) {
            return new Admin(user);
        }
    }

    @Router(prefix = "/items")
    @Scopes("items")
    public static class Items {
        @Get("/plain")
        public User plain(User user) {
            return user;
        }

        @Get("/nested")
        @Scopes("me")
        public User nested(@Scopes("items") Admin admin) {
            return admin.user();
        }

        @Get("/scopes")
        public String scopes(SecurityScopes scopes, User user) {
            return scopes.scopeString();
        }
    }

    public static class Open {
        @Get("/open")
        public List<String> open(User user) {
            return user.seen();
        }
    }

    static App app() {
        return App.builder().security(OAUTH).include(new Providers()).include(new Items()).include(new Open()).build();
    }

    TestClient client;

    private dev.brisk.test.TestResponse get(String path, String token) {
        return client.request("GET", path).header("Authorization", "Bearer " + token).send();
    }

    @Test
    void aRouteWithoutScopesNeedsNone() {
        answers(get("/open", "x"), 200, "[]");
    }

    @Test
    void theRoutersScopesApplyToItsRoutes() {
        answers(get("/items/plain", "items"), 200, "{\"name\":\"u\",\"seen\":[\"items\"]}");
        answers(get("/items/plain", "me"), 403, "{\"detail\":\"Not enough permissions\"}",
                "Bearer error=\"insufficient_scope\", scope=\"items\"");
    }

    @Test
    void nestedDependenciesScopesAddUpOutermostFirst() {
        answers(get("/items/nested", "items.me.admin.audit"), 200, "{\"name\":\"u\",\"seen\":[\"items\",\"me\",\"audit\",\"admin\"]}");
        answers(get("/items/nested", "items.me.audit"), 403, "{\"detail\":\"Not enough permissions\"}",
                "Bearer error=\"insufficient_scope\", scope=\"items me audit admin\"");
    }

    @Test
    void aHandlerCanTakeTheScopesToo() {
        dev.brisk.test.BriskAssertions.assertThat(get("/items/scopes", "items")).hasStatus(200).hasText("items");
    }
}
