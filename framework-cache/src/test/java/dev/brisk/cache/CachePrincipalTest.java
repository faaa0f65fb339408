package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Router;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two callers with different credentials never share an entry (fastapi-cache served one user's
 * response to another): the credentials a route's dependencies read are hashed into its key, and
 * such responses are private.
 */
class CachePrincipalTest {
    public record User(String name) {
    }

    public static final class Security {
        static final Map<String, String> TOKENS = Map.of("Bearer alice-token", "alice", "Bearer bob-token", "bob");

        @Provides
        public static User currentUser(@Header("Authorization") Optional<String> auth) {
            return new User(auth.map(TOKENS::get).orElseThrow(() -> new HttpException(401, "Not authenticated")));
        }
    }

    public record Client(String id) {
    }

    public static final class ApiKeys {
        @Provides
        public static Client client(@Query("api_key") String key) {
            return new Client("client-" + key.length());
        }
    }

    public record Visitor(String session) {
    }

    public static final class Sessions {
        @Provides
        public static Visitor visitor(@Cookie("sid") Optional<String> sid) {
            return new Visitor(sid.orElse("anonymous"));
        }
    }

    @Router(prefix = "/me")
    public static final class Me {
        int calls;

        @Get
        @Cached(ttl = "60s")
        public String me(@Depends User user) {
            return user.name() + " " + ++calls;
        }

        @Get("/key")
        @Cached(ttl = "60s")
        public String key(@Depends Client client) {
            return client.id() + " " + ++calls;
        }

        @Get("/visit")
        @Cached(ttl = "60s")
        public String visit(@Depends Visitor v) {
            return v.session() + " " + ++calls;
        }

        @Get("/public")
        @Cached(ttl = "60s")
        public String everyone() {
            return "same for all " + ++calls;
        }
    }

    private final Me me = new Me();
    private final App app = App.builder().include(me).include(Security.class).include(ApiKeys.class).include(Sessions.class).build();

    private static dev.brisk.test.TestResponse as(TestClient c, String path, String token) {
        return c.request("GET", path).header("Authorization", "Bearer " + token).send();
    }

    @Test
    void twoUsersWithDifferentTokensNeverShareAnEntry() {
        try (var c = TestClient.of(app)) {
            var alice = as(c, "/me", "alice-token");
            var bob = as(c, "/me", "bob-token");
            assertThat(alice.text()).isEqualTo("alice 1");
            assertThat(bob.text()).isEqualTo("bob 2");
            assertThat(bob.header("Cache-Status")).contains("stored");
            assertThat(as(c, "/me", "alice-token").text()).isEqualTo("alice 1");
            assertThat(as(c, "/me", "bob-token").text()).isEqualTo("bob 2");
            assertThat(as(c, "/me", "bob-token").header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void responsesKeyedByACredentialArePrivateAndVaryOnIt() {
        try (var c = TestClient.of(app)) {
            var miss = as(c, "/me", "alice-token");
            var hit = as(c, "/me", "alice-token");
            assertThat(miss.header("Cache-Control")).isEqualTo("private, max-age=60");
            assertThat(hit.header("Cache-Control")).isEqualTo("private, max-age=60");
            assertThat(hit.header("Vary")).isEqualTo("Authorization");
        }
    }

    @Test
    void aRejectedCredentialIsNeverAnsweredFromTheCache() {
        try (var c = TestClient.of(app)) {
            as(c, "/me", "alice-token");
            var wrong = as(c, "/me", "mallory-token");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.header("Cache-Status")).isNull();
            assertThat(c.get("/me").status()).isEqualTo(401);
        }
    }

    @Test
    void apiKeysInTheQueryAreCredentials() {
        try (var c = TestClient.of(app)) {
            var one = c.get("/me/key?api_key=aaaa");
            var other = c.get("/me/key?api_key=bbbb");   // same length: the dependency makes the same Client
            assertThat(other.text()).isNotEqualTo(one.text());
            assertThat(one.header("Cache-Control")).startsWith("private");
            assertThat(c.get("/me/key?api_key=aaaa").text()).isEqualTo(one.text());
        }
    }

    @Test
    void aCookieADependencyReadsIsACredential() {
        try (var c = TestClient.of(app)) {
            var s1 = c.request("GET", "/me/visit").cookie("sid", "s-1").send();
            var s2 = c.request("GET", "/me/visit").cookie("sid", "s-2").send();
            var anon = c.get("/me/visit");
            assertThat(s1.text()).startsWith("s-1");
            assertThat(s2.text()).startsWith("s-2");
            assertThat(anon.text()).startsWith("anonymous");
            assertThat(s1.header("Cache-Control")).startsWith("private");
            assertThat(s1.header("Vary")).isEqualTo("Cookie");
            assertThat(anon.header("Cache-Control")).isEqualTo("max-age=60");   // no credential, nothing private
        }
    }

    @Test
    void aRouteThatReadsNoCredentialIsSharedEvenWithAnAuthorizationHeader() {
        try (var c = TestClient.of(app)) {
            var alice = as(c, "/me/public", "alice-token");
            var bob = as(c, "/me/public", "bob-token");
            assertThat(bob.text()).isEqualTo(alice.text());
            assertThat(bob.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(bob.header("Vary")).isNull();
        }
    }
}
