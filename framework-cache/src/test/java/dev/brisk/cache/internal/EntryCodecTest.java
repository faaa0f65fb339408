package dev.brisk.cache.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis values: a versioned header and the parts of a response; anything else reads as a miss. */
class EntryCodecTest {
    private static Entry entry() {
        byte[] body = "{\"é\":1}".getBytes(StandardCharsets.UTF_8);
        return new Entry(200, "application/json", new String[] {"content-language", "link"}, new String[] {"fr", "</a>; rel=next"},
                body, Hashing.etag(body), 1000, 61000);
    }

    @Test
    void aResponseRoundTrips() {
        Entry e = entry();
        Entry back = EntryCodec.decodeEntry(EntryCodec.encode(e));
        assertThat(back).isNotNull();
        assertThat(back.status).isEqualTo(200);
        assertThat(back.contentType).isEqualTo("application/json");
        assertThat(back.names).containsExactly("content-language", "link");
        assertThat(back.values).containsExactly("fr", "</a>; rel=next");
        assertThat(back.body).isEqualTo(e.body);
        assertThat(back.etag).isEqualTo(e.etag);
        assertThat(back.storedAt).isEqualTo(1000);
        assertThat(back.expiresAt).isEqualTo(61000);
    }

    @Test
    void noContentTypeAndAnEmptyBodyRoundTrip() {
        var e = new Entry(204, null, new String[0], new String[0], new byte[0], Hashing.etag(new byte[0]), 1, 2);
        Entry back = EntryCodec.decodeEntry(EntryCodec.encode(e));
        assertThat(back.contentType).isNull();
        assertThat(back.body).isEmpty();
    }

    @Test
    void otherVersionsKindsAndTruncationsAreMisses() {
        byte[] ok = EntryCodec.encode(entry());
        byte[] later = ok.clone();
        later[2] = 2;
        assertThat(EntryCodec.decodeEntry(later)).isNull();
        assertThat(EntryCodec.decodeValue(ok)).isNull();
        for (int n = 0; n < ok.length; n++) assertThat(EntryCodec.decodeEntry(Arrays.copyOf(ok, n))).as("first %d bytes", n).isNull();
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        assertThat(EntryCodec.decodeEntry(longer)).isNull();
        assertThat(EntryCodec.decodeEntry(null)).isNull();
    }

    @Test
    void valuesRoundTrip() {
        var v = new EntryCodec.Value(new byte[] {1, 2, 3}, 5, 10);
        var back = EntryCodec.decodeValue(EntryCodec.encode(v));
        assertThat(back.data()).containsExactly(1, 2, 3);
        assertThat(back.expiresAt()).isEqualTo(10);
        assertThat(EntryCodec.decodeEntry(EntryCodec.encode(v))).isNull();
    }

    @Test
    void theEtagDependsOnlyOnTheBytes() {
        assertThat(Hashing.etag("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(Hashing.etag("a".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Hashing.etag("b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("\"ypeBEsobvcr6wjGzmiPcTQ\"");   // SHA-256("a"), first 16 bytes: the same in every process
    }
}
