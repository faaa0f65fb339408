package dev.brisk.internal.middleware;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Reply;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id in {@code X-Request-ID}: the client's (or a proxy's) when it is valid
 * and {@code keepIncoming}, else a new one. The id is set on the request, where handlers read it,
 * and on every response, errors included.
 *
 * <p>Valid: 1 to 128 characters from {@code A-Z a-z 0-9 - _ . : + / =} (UUIDs, hex and base64 ids
 * pass; nothing that could break a log line or a header does), and a single header line.
 *
 * <p>New ids are random UUIDs (version 4 layout) drawn from {@link ThreadLocalRandom}: an id
 * correlates log lines and is never a secret or a credential, so it needs uniqueness, not
 * unpredictability; 122 random bits make a collision negligible, and a per-thread generator costs
 * a few nanoseconds with no lock shared between event loops ({@code UUID.randomUUID()} draws from
 * the shared {@code SecureRandom}).
 */
public final class RequestIdFilter implements Filter {
    public static final AsciiString HEADER = AsciiString.cached("x-request-id");
    static final int MAX_LENGTH = 128;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) ALLOWED[c] = true;
        for (char c = 'a'; c <= 'z'; c++) ALLOWED[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) ALLOWED[c] = true;
        for (char c : "-_.:+/=".toCharArray()) ALLOWED[c] = true;
    }

    private final boolean keepIncoming;

    public RequestIdFilter(boolean keepIncoming) {
        this.keepIncoming = keepIncoming;
    }

    @Override
    public Reply before(Call call) {
        HttpHeaders headers = call.request().headerMap();
        if (keepIncoming) {
            String id = headers.get(HEADER);
            if (id != null && valid(id) && single(headers)) return null;
        }
        headers.set(HEADER, generate());
        return null;
    }

    @Override
    public Reply after(Call call, Reply reply) {
        String id = call.request().headerValue(HEADER);
        if (id != null) reply.setHeader(HEADER, id);
        return reply;
    }

    private static boolean single(HttpHeaders headers) {
        Iterator<String> it = headers.valueStringIterator(HEADER);
        it.next();
        return !it.hasNext();
    }

    /** Whether {@code id} is an acceptable request id. */
    public static boolean valid(CharSequence id) {
        int n = id.length();
        if (n == 0 || n > MAX_LENGTH) return false;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 128 || !ALLOWED[c]) return false;
        }
        return true;
    }

    /** A random id: 32 hex digits in the 8-4-4-4-12 layout of a version 4 UUID. */
    static AsciiString generate() {
        var r = ThreadLocalRandom.current();
        long hi = r.nextLong() & ~0xF000L | 0x4000L;                       // version 4
        long lo = r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;  // IETF variant
        byte[] b = new byte[36];
        hex(hi >>> 32, b, 0, 8);
        b[8] = '-';
        hex(hi >>> 16, b, 9, 4);
        b[13] = '-';
        hex(hi, b, 14, 4);
        b[18] = '-';
        hex(lo >>> 48, b, 19, 4);
        b[23] = '-';
        hex(lo, b, 24, 12);
        return new AsciiString(b, false);   // ASCII by construction: no copy
    }

    private static void hex(long v, byte[] out, int at, int digits) {
        for (int i = at + digits - 1; i >= at; i--, v >>>= 4) out[i] = HEX[(int) (v & 0xF)];
    }
}
