package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory cache holds at most its budget of bytes; an entry over a sixteenth of it is served but not stored. */
class MemoryBoundTest {
    public static final class Blobs {
        @Get("/blob/{kb}")
        @Cached(ttl = "10m")
        public byte[] blob(int kb) {
            return new byte[Math.min(kb, 4096) * 1024];
        }
    }

    @Test
    void tooLargeEntriesAreServedNotStored() {
        var app = App.builder().provide(Cache.class, Cache.inMemory(1 << 20)).include(new Blobs()).build();
        try (var c = TestClient.of(app)) {
            var big = c.get("/blob/100");   // 100 KiB > 1 MiB / 16
            assertThat(big.bytes()).hasSize(100 * 1024);
            assertThat(big.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; detail=too-large");
            assertThat(c.get("/blob/100").header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; detail=too-large");
            c.get("/blob/10");
            assertThat(c.get("/blob/10").header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void theBudgetBoundsWhatIsKept() {
        var app = App.builder().provide(Cache.class, Cache.inMemory(1 << 20)).include(new Blobs()).build();
        try (var c = TestClient.of(app)) {
            c.get("/blob/1");
            for (int i = 0; i < 40; i++) {   // 40 entries of 32..71 KiB: about 2 MiB in all, and one small entry in steady use
                c.get("/blob/" + (32 + i));
                assertThat(c.get("/blob/1").header("Cache-Status")).as("the entry in use is kept").startsWith("Brisk; hit");
            }
            int hits = 0;
            for (int i = 0; i < 40; i++) if (c.get("/blob/" + (32 + i)).header("Cache-Status").startsWith("Brisk; hit")) hits++;
            // Which of them stay is the eviction policy's choice (Caffeine's W-TinyLFU); that not all of them fit is the budget's.
            assertThat(hits).isLessThan(40);
        }
    }
}
