package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The request's {@code Cache-Control}: no-store bypasses read and write, no-cache and max-age=0 recompute and refresh. */
class RequestCacheControlTest {
    public static final class Clock {
        int calls;

        @Get("/now")
        @Cached(ttl = "60s")
        public String now() {
            return "computed " + ++calls;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Clock route = new Clock();
    private final App app = App.builder().provide(Cache.class, clock.memoryCache()).include(route).build();

    private static TestResponse get(TestClient c, String cacheControl) {
        return c.request("GET", "/now").header("Cache-Control", cacheControl).send();
    }

    @Test
    void noStoreNeitherReadsNorWrites() {
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/now").text()).isEqualTo("computed 1");
            var bypass = get(c, "no-store");
            assertThat(bypass.text()).isEqualTo("computed 2");
            assertThat(bypass.header("Cache-Status")).isEqualTo("Brisk; fwd=request; detail=no-store");
            assertThat(c.get("/now").text()).isEqualTo("computed 1");   // the entry was not replaced
        }
        try (var c = TestClient.of(App.builder().include(new Clock()).build())) {
            get(c, "No-Store");
            assertThat(c.get("/now").header("Cache-Status")).contains("stored");   // nothing was written by the no-store one
        }
    }

    @Test
    void noCacheRecomputesAndRefreshesTheEntry() {
        try (var c = TestClient.of(app)) {
            c.get("/now");
            clock.advance(Duration.ofSeconds(30));
            var refreshed = get(c, "no-cache");
            assertThat(refreshed.text()).isEqualTo("computed 2");
            assertThat(refreshed.header("Cache-Status")).isEqualTo("Brisk; fwd=request; stored");
            var hit = c.get("/now");
            assertThat(hit.text()).isEqualTo("computed 2");
            assertThat(hit.header("Age")).isEqualTo("0");
        }
    }

    @Test
    void maxAgeZeroRecomputesAndMaxAgeNAcceptsOnlyYoungerEntries() {
        try (var c = TestClient.of(app)) {
            c.get("/now");
            assertThat(get(c, "max-age=0").text()).isEqualTo("computed 2");
            clock.advance(Duration.ofSeconds(20));
            assertThat(get(c, "max-age=30").text()).isEqualTo("computed 2");    // 20 s old: good enough
            assertThat(get(c, "max-age=10").text()).isEqualTo("computed 3");    // too old: recomputed
            assertThat(get(c, "max-age=\"10\"").text()).isEqualTo("computed 3");
        }
    }

    @Test
    void aListIsReadWholeAndUnknownOrMalformedDirectivesAreIgnored() {
        try (var c = TestClient.of(app)) {
            c.get("/now");
            assertThat(get(c, "max-stale=5, no-cache").text()).isEqualTo("computed 2");
            for (String junk : new String[] {"max-age=abc", "max-age=", "max-age=-1", "no-cache-please", "foo, bar=\"baz\"", ",",
                    "max-age=99999999999999999999999", "\u00e9t\u00e9"}) {
                var r = get(c, junk);
                assertThat(r.status()).as(junk).isEqualTo(200);
                assertThat(r.text()).as(junk).isEqualTo("computed 2");
            }
        }
    }

    @Test
    void pragmaNoCacheCountsWhenThereIsNoCacheControl() {
        try (var c = TestClient.of(app)) {
            c.get("/now");
            assertThat(c.request("GET", "/now").header("Pragma", "no-cache").send().text()).isEqualTo("computed 2");
            assertThat(c.request("GET", "/now").header("Pragma", "no-cache").header("Cache-Control", "max-age=60").send().text())
                    .isEqualTo("computed 2");
        }
    }
}
