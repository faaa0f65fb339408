package dev.brisk.cache.internal;

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

    // The header values as AsciiStrings, made once: the transport copies their bytes instead of encoding chars per hit.
    private AsciiString etagHeader;
    private AsciiString publicControl;
    private AsciiString privateControl;

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
