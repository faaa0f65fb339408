package dev.brisk.cache.internal;

import dev.brisk.internal.http.PreparedHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

/**
 * A stored response: what a hit replays (status, content type, the allow-listed headers, the
 * encoded body) with its strong ETag and its times. Immutable; the body is shared by every hit.
 */
public final class Entry {
    final int status;
    final String contentType;
    final String[] names;
    final String[] values;
    final byte[] body;
    final String etag;
    final long storedAt;
    final long expiresAt;

    Entry(int status, String contentType, String[] names, String[] values, byte[] body, String etag, long storedAt, long expiresAt) {
        this.status = status;
        this.contentType = contentType;
        this.names = names;
        this.values = values;
        this.body = body;
        this.etag = etag;
        this.storedAt = storedAt;
        this.expiresAt = expiresAt;
    }

    /** Reads of this entry so far (racy: a count, not an exact one). */
    private long reads;

    /**
     * Whether this read is one Caffeine's policy hears of: the first 16 (as many as its frequency
     * sketch counts), then one in 16. Recording a read costs a write to a read buffer and, every few
     * reads, a drain handed to another thread: nearly half of an in-memory hit's time on the event
     * loop. A key in steady use is still recorded far more often than the sketch's periodic halving
     * forgets it, so what the policy keeps does not change (MemoryBoundTest).
     */
    boolean recordRead() {
        long n = reads++;
        return n < 16 || (n & 15) == 0;
    }

    /**
     * The body for every hit: read-only, never released; each reply gets a view of its own (its own
     * reader index). Volatile: a buffer's indices are not final fields, so it must be published safely.
     */
    private volatile ByteBuf sharedBody;

    ByteBuf bodyView() {
        var b = sharedBody;
        if (b == null) sharedBody = b = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body).asReadOnly());
        return b.duplicate();
    }

    private volatile HitHeaders hitHeaders;

    /** {@code Age} and {@code Cache-Status} of a hit, made once per second of the entry's life rather than per hit. */
    record HitHeaders(long second, AsciiString age, AsciiString status) {
    }

    HitHeaders hitHeaders(long now) {
        long second = (now - storedAt) / 1000;
        var h = hitHeaders;
        if (h == null || h.second() != second) {
            h = new HitHeaders(second, new AsciiString(Long.toString(Math.max(0, second))),
                    new AsciiString("Brisk; hit; ttl=" + remainingSeconds(now)));
            hitHeaders = h;
        }
        return h;
    }

    /** A hit's headers for one second of the entry's life, encoded once (a route's {@code Vary} and a key's credential fix the rest). */
    private record HitHead(long second, boolean principal, AsciiString vary, PreparedHeaders headers) {
    }

    private volatile HitHead hitHead;

    /**
     * Every header of a hit at {@code now} besides the content type: the stored ones, {@code ETag},
     * {@code Cache-Control}, {@code Age}, {@code Vary} (when not null) and {@code Cache-Status}.
     */
    PreparedHeaders hitHead(long now, boolean principal, AsciiString vary) {
        HitHeaders hit = hitHeaders(now);
        var h = hitHead;
        if (h == null || h.second() != hit.second() || h.principal() != principal || h.vary() != vary) {
            int n = names.length;
            var hn = new CharSequence[n + (vary == null ? 4 : 5)];
            var hv = new CharSequence[hn.length];
            System.arraycopy(names, 0, hn, 0, n);
            System.arraycopy(values, 0, hv, 0, n);
            hn[n] = HttpHeaderNames.ETAG;
            hv[n++] = etagHeader();
            hn[n] = HttpHeaderNames.CACHE_CONTROL;
            hv[n++] = cacheControl(principal);
            hn[n] = HttpHeaderNames.AGE;
            hv[n++] = hit.age();
            if (vary != null) {
                hn[n] = HttpHeaderNames.VARY;
                hv[n++] = vary;
            }
            hn[n] = CachedRoute.CACHE_STATUS;
            hv[n] = hit.status();
            h = new HitHead(hit.second(), principal, vary, PreparedHeaders.of(hn, hv));
            hitHead = h;
        }
        return h.headers();
    }

    // The header values as AsciiStrings, made once: the transport copies their bytes instead of encoding chars per hit.
    private AsciiString etagHeader;
    private AsciiString publicControl;
    private AsciiString privateControl;

    private AsciiString contentTypeHeader;

    /** The content type, or null. */
    AsciiString contentTypeHeader() {
        var h = contentTypeHeader;
        if (h == null && contentType != null) contentTypeHeader = h = new AsciiString(contentType);
        return h;
    }

    AsciiString etagHeader() {
        var h = etagHeader;
        if (h == null) etagHeader = h = new AsciiString(etag);
        return h;
    }

    /**
     * {@code max-age=<TTL>} ({@code private, } first when the key holds a credential). With the
     * {@code Age} of a hit, a client or proxy keeps it exactly for the seconds the entry has left
     * (RFC 9111 4.2.3: freshness is max-age minus the age).
     */
    AsciiString cacheControl(boolean principal) {
        AsciiString s = principal ? privateControl : publicControl;
        if (s == null) {
            s = new AsciiString((principal ? "private, max-age=" : "max-age=") + ttlSeconds());
            if (principal) privateControl = s;
            else publicControl = s;
        }
        return s;
    }

    /** Bytes this entry holds, roughly (what the in-memory budget counts). */
    int weight() {
        long w = 96L + body.length + etag.length() + (contentType == null ? 0 : contentType.length());
        for (int i = 0; i < names.length; i++) w += 32 + names[i].length() + values[i].length();
        return (int) Math.min(Integer.MAX_VALUE, w);
    }

    /** Whole seconds of freshness left at {@code now} (0 when expired). */
    long remainingSeconds(long now) {
        return Math.max(0, (expiresAt - now) / 1000);
    }

    /** Whole seconds since it was stored. */
    long ageSeconds(long now) {
        return Math.max(0, (now - storedAt) / 1000);
    }

    long ttlSeconds() {
        return Math.max(0, (expiresAt - storedAt) / 1000);
    }

    boolean fresh(long now) {
        return now < expiresAt;
    }
}
