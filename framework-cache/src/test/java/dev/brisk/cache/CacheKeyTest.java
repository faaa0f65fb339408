package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Router;
import dev.brisk.StartupException;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key: the route template and the bound values of what the route reads, canonical; never the
 * objects of injected dependencies.
 */
class CacheKeyTest {
    /** An infrastructure dependency: a new object for every request (fastapi-cache put its repr in the key). */
    public static final class Session {
        final int serial;

        Session(int serial) {
            this.serial = serial;
        }
    }

    public record Page(int number, int size) {
    }

    public static final class Deps {
        static final AtomicInteger SESSIONS = new AtomicInteger();

        @Provides
        public static Session session() {
            return new Session(SESSIONS.incrementAndGet());
        }

        @Provides
        public static Page page(@Query(defaultValue = "1") int page, @Query(defaultValue = "20") int size) {
            return new Page(page, size);
        }
    }

    public enum Sort { NAME, PRICE }

    @Router(prefix = "/k")
    public static final class Routes {
        final AtomicInteger calls = new AtomicInteger();

        @Get("/search")
        @Cached(ttl = "60s")
        public String search(@Query(defaultValue = "10") int limit, Optional<String> q, List<Integer> tag, Set<String> flag, Optional<Sort> sort) {
            return "call " + calls.incrementAndGet();
        }

        @Get("/with-session/{id}")
        @Cached(ttl = "60s")
        public String withSession(int id, @Depends Session session) {
            return "call " + calls.incrementAndGet() + " session " + session.serial;
        }

        @Get("/paged")
        @Cached(ttl = "60s")
        public String paged(@Depends Page page) {
            return "call " + calls.incrementAndGet() + " page " + page.number();
        }

        @Get("/lang")
        @Cached(ttl = "60s")
        public String lang(@Header("Accept-Language") Optional<String> language) {
            return "call " + calls.incrementAndGet() + " " + language.orElse("-");
        }

        @Get("/vary")
        @Cached(ttl = "60s", vary = "X-Region")
        public String vary(dev.brisk.Request request) {
            return "call " + calls.incrementAndGet() + " " + request.header("X-Region").orElse("-");
        }

        @Get("/only-id/{id}")
        @Cached(ttl = "60s", key = "id")
        public String onlyId(int id, @Query(defaultValue = "false") boolean debug) {
            return "call " + calls.incrementAndGet();
        }

        @Get("/a/{x}")
        @Cached(ttl = "60s")
        public String a(String x) {
            return "a " + calls.incrementAndGet();
        }

        @Get("/b/{x}")
        @Cached(ttl = "60s")
        public String b(String x) {
            return "b " + calls.incrementAndGet();
        }
    }

    private final Routes routes = new Routes();
    private final App app = App.builder().include(routes).include(Deps.class).build();

    private String status(TestClient c, String path) {
        return c.get(path).header("Cache-Status");
    }

    @Test
    void boundValuesAreCanonicalAbsentEqualsDefaultAndSetsAreUnordered() {
        try (var c = TestClient.of(app)) {
            assertThat(status(c, "/k/search")).contains("stored");
            assertThat(status(c, "/k/search?limit=10")).startsWith("Brisk; hit");
            assertThat(status(c, "/k/search?limit=010")).startsWith("Brisk; hit");
            assertThat(status(c, "/k/search?flag=a&flag=b")).contains("stored");
            assertThat(status(c, "/k/search?flag=b&flag=a")).startsWith("Brisk; hit");
            assertThat(status(c, "/k/search?sort=NAME")).contains("stored");
            assertThat(status(c, "/k/search?sort=NAME")).startsWith("Brisk; hit");
        }
    }

    @Test
    void invalidInputIsAnsweredAndNeverCached() {
        try (var c = TestClient.of(app)) {
            for (int i = 0; i < 2; i++) {
                var bad = c.get("/k/search?limit=ten");
                assertThat(bad.status()).isEqualTo(422);
                assertThat(bad.header("Cache-Status")).isNull();
                assertThat(bad.header("ETag")).isNull();
            }
            assertThat(routes.calls).hasValue(0);
        }
    }

    @Test
    void differentValuesNeverShareAnEntry() {
        try (var c = TestClient.of(app)) {
            assertThat(status(c, "/k/search?limit=5")).contains("stored");
            assertThat(status(c, "/k/search?limit=6")).contains("stored");
            assertThat(status(c, "/k/search?q=a")).contains("stored");
            assertThat(status(c, "/k/search?q=")).contains("stored");          // "" is not absent
            assertThat(status(c, "/k/search?tag=1&tag=2")).contains("stored");
            assertThat(status(c, "/k/search?tag=2&tag=1")).contains("stored");  // a list keeps its order
            assertThat(status(c, "/k/search?q=a%3Ab")).contains("stored");
            assertThat(status(c, "/k/search?q=a&tag=1")).contains("stored");
            assertThat(routes.calls).hasValue(8);
        }
    }

    @Test
    void sameValuesOnAnotherRouteAreAnotherEntry() {
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/k/a/1").text()).isEqualTo("a 1");
            assertThat(c.get("/k/b/1").text()).isEqualTo("b 2");
        }
    }

    @Test
    void injectedDependenciesAreNotPartOfTheKey() {
        try (var c = TestClient.of(app)) {
            var first = c.get("/k/with-session/1");
            var second = c.get("/k/with-session/1");
            assertThat(second.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(Deps.SESSIONS.get()).isGreaterThanOrEqualTo(2);   // the dependency still ran for the hit
        }
    }

    @Test
    void valuesADependencyReadsArePartOfTheKey() {
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/k/paged?page=1").text()).endsWith("page 1");
            assertThat(c.get("/k/paged?page=2").text()).endsWith("page 2");
            assertThat(status(c, "/k/paged?page=2")).startsWith("Brisk; hit");
        }
    }

    @Test
    void declaredHeadersVaryTheEntryAndAreNamedInVary() {
        try (var c = TestClient.of(app)) {
            var en = c.request("GET", "/k/lang").header("Accept-Language", "en").send();
            var fr = c.request("GET", "/k/lang").header("Accept-Language", "fr").send();
            var none = c.get("/k/lang");
            assertThat(en.text()).endsWith(" en");
            assertThat(fr.text()).endsWith(" fr");
            assertThat(none.text()).endsWith(" -");
            assertThat(en.header("Vary")).isEqualTo("Accept-Language");
            var enAgain = c.request("GET", "/k/lang").header("Accept-Language", "en").send();
            assertThat(enAgain.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(enAgain.header("Vary")).isEqualTo("Accept-Language");
            assertThat(enAgain.text()).isEqualTo(en.text());
        }
    }

    @Test
    void varyHeadersVaryTheEntry() {
        try (var c = TestClient.of(app)) {
            var eu = c.request("GET", "/k/vary").header("X-Region", "eu").send();
            var us = c.request("GET", "/k/vary").header("X-Region", "us").send();
            assertThat(eu.text()).endsWith(" eu");
            assertThat(us.text()).endsWith(" us");
            // the handler reads the raw Request, so the credential headers are in the key too
            assertThat(eu.header("Vary")).isEqualTo("Authorization, Cookie, X-Region");
            assertThat(c.request("GET", "/k/vary").header("X-Region", "eu").send().text()).isEqualTo(eu.text());
        }
    }

    @Test
    void keyNamesWhichParametersCount() {
        try (var c = TestClient.of(app)) {
            var first = c.get("/k/only-id/1?debug=true");
            var second = c.get("/k/only-id/1?debug=false");
            assertThat(second.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(status(c, "/k/only-id/2")).contains("stored");
        }
    }

    public static final class UnknownKey {
        @Get("/x/{id}")
        @Cached(ttl = "1m", key = {"id", "nope"})
        public String x(int id) {
            return "x";
        }
    }

    @Test
    void aKeyNameTheRouteDoesNotReadFailsStartup() {
        assertThatThrownBy(() -> App.builder().include(new UnknownKey()).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("@Cached(key = ...) on GET /x/{id}")
                .hasMessageContaining("nope")
                .hasMessageContaining("its parameters are: id");
    }
}
