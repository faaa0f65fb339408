package dev.brisk.internal.multipart;

import dev.brisk.internal.http.BodyRejected;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An incremental {@code multipart/form-data} parser (RFC 7578 over RFC 2046): fed the body piece by
 * piece, it reports each part's start (name, file name, content type), its data as slices of the
 * pieces (no copy), and its end. It keeps only what a delimiter or a header block may straddle, so
 * its memory is bounded by the part-header limit, whatever the body's size. Malformed input is a
 * {@link BodyRejected} 400, a header block over its limits a 413. Not thread-safe.
 */
final class MultipartParser {
    /** Receives the parts; a handler may throw {@link BodyRejected}. */
    interface Handler {
        void partBegin(String name, String filename, String contentType);

        /** A retained slice of part data, which the handler now owns. */
        void partData(ByteBuf data);

        void partEnd();
    }

    private enum State { PREAMBLE, AFTER_BOUNDARY, HEADERS, BODY, END }

    private static final int MAX_PADDING = 64;

    private final byte[] dashBoundary;
    private final byte[] delimiter;
    private final int maxHeaderSize;
    private final int maxHeaders;
    private final Handler handler;
    private State state = State.PREAMBLE;
    private boolean atStart = true;
    private ByteBuf acc;

    MultipartParser(String boundary, int maxHeaderSize, int maxHeaders, Handler handler) {
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.maxHeaderSize = maxHeaderSize;
        this.maxHeaders = maxHeaders;
        this.handler = handler;
    }

    /** Parses a piece (taking ownership of it). */
    void feed(ByteBuf piece) {
        if (state == State.END) {
            piece.release();
            return;
        }
        if (acc == null || !acc.isReadable()) {
            if (acc != null) acc.release();
            acc = piece;
        } else {
            ByteBuf merged = Unpooled.buffer(acc.readableBytes() + piece.readableBytes());
            merged.writeBytes(acc).writeBytes(piece);
            acc.release();
            piece.release();
            acc = merged;
        }
        while (step()) {
            // each step consumes what it can; false when it needs more input
        }
    }

    /** The body ended: it must have ended with the closing delimiter. */
    void finish() {
        if (state != State.END) throw new BodyRejected(400, "Bad Request: the multipart body ended before its closing boundary");
    }

    void release() {
        if (acc != null && acc.refCnt() > 0) acc.release();
        acc = null;
    }

    private boolean step() {
        return switch (state) {
            case PREAMBLE -> preamble();
            case AFTER_BOUNDARY -> afterBoundary();
            case HEADERS -> headers();
            case BODY -> body();
            case END -> {
                acc.skipBytes(acc.readableBytes());
                yield false;
            }
        };
    }

    private boolean preamble() {
        if (atStart) {
            if (acc.readableBytes() < dashBoundary.length) return false;
            atStart = false;
            if (matches(acc.readerIndex(), dashBoundary)) {
                acc.skipBytes(dashBoundary.length);
                state = State.AFTER_BOUNDARY;
                return true;
            }
        }
        int at = find(delimiter);
        if (at >= 0) {
            acc.readerIndex(at + delimiter.length);
            state = State.AFTER_BOUNDARY;
            return true;
        }
        acc.readerIndex(acc.writerIndex() - partial());   // the preamble is discarded
        return false;
    }

    private boolean afterBoundary() {
        if (acc.readableBytes() < 2) return false;
        int r = acc.readerIndex();
        if (acc.getByte(r) == '-' && acc.getByte(r + 1) == '-') {
            state = State.END;
            acc.skipBytes(acc.readableBytes());   // the epilogue is ignored
            return false;
        }
        int i = r, end = acc.writerIndex();
        while (i < end && (acc.getByte(i) == ' ' || acc.getByte(i) == '\t')) i++;
        if (i - r > MAX_PADDING) throw malformed();
        if (end - i < 2) return false;
        if (acc.getByte(i) != '\r' || acc.getByte(i + 1) != '\n') throw malformed();
        acc.readerIndex(i + 2);
        state = State.HEADERS;
        return true;
    }

    private boolean headers() {
        int r = acc.readerIndex();
        int readable = acc.readableBytes();
        if (readable >= 2 && acc.getByte(r) == '\r' && acc.getByte(r + 1) == '\n') {
            throw new BodyRejected(400, "Bad Request: a multipart part has no Content-Disposition header");
        }
        int end = indexOf(r, acc.writerIndex(), new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) {
            if (readable > maxHeaderSize + 4) throw tooLarge();
            return false;
        }
        if (end - r > maxHeaderSize) throw tooLarge();
        String block = acc.toString(r, end - r, StandardCharsets.UTF_8);
        acc.readerIndex(end + 4);
        String name = null, filename = null, type = null;
        int count = 0;
        for (String line : block.split("\r\n", -1)) {
            if (++count > maxHeaders) throw new BodyRejected(413, "Request Entity Too Large: a multipart part has more than " + maxHeaders + " headers");
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') throw malformed();   // obs-fold
            int colon = line.indexOf(':');
            if (colon <= 0) throw malformed();
            String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String v = line.substring(colon + 1).trim();
            if (h.equals("content-disposition")) {
                var cd = Disposition.parse(v);
                if (cd == null || !cd.type().equalsIgnoreCase("form-data") || cd.name() == null) {
                    throw new BodyRejected(400, "Bad Request: a multipart part needs Content-Disposition: form-data with a name");
                }
                name = cd.name();
                filename = cd.filename();
            } else if (h.equals("content-type")) {
                type = v;
            }
        }
        if (name == null) throw new BodyRejected(400, "Bad Request: a multipart part has no Content-Disposition header");
        handler.partBegin(name, filename, type);
        state = State.BODY;
        return true;
    }

    private boolean body() {
        int at = find(delimiter);
        int r = acc.readerIndex();
        if (at >= 0) {
            if (at > r) handler.partData(acc.retainedSlice(r, at - r));
            acc.readerIndex(at + delimiter.length);
            handler.partEnd();
            state = State.AFTER_BOUNDARY;
            return true;
        }
        int safe = acc.writerIndex() - partial();
        if (safe > r) {
            handler.partData(acc.retainedSlice(r, safe - r));
            acc.readerIndex(safe);
        }
        return false;
    }

    /** The index of {@code needle} in the unread bytes, or -1. */
    private int find(byte[] needle) {
        return indexOf(acc.readerIndex(), acc.writerIndex(), needle);
    }

    private int indexOf(int from, int to, byte[] needle) {
        int last = to - needle.length;
        int i = from;
        while (i <= last) {
            int cr = acc.indexOf(i, last + 1, needle[0]);
            if (cr < 0) return -1;
            if (matches(cr, needle)) return cr;
            i = cr + 1;
        }
        return -1;
    }

    private boolean matches(int at, byte[] needle) {
        for (int k = 0; k < needle.length; k++) if (acc.getByte(at + k) != needle[k]) return false;
        return true;
    }

    /** How many trailing bytes could begin a delimiter (kept for the next piece). */
    private int partial() {
        int n = Math.min(delimiter.length - 1, acc.readableBytes());
        int w = acc.writerIndex();
        for (int k = n; k > 0; k--) {
            boolean ok = true;
            for (int j = 0; j < k && ok; j++) ok = acc.getByte(w - k + j) == delimiter[j];
            if (ok) return k;
        }
        return 0;
    }

    private static BodyRejected malformed() {
        return new BodyRejected(400, "Bad Request: malformed multipart body");
    }

    private BodyRejected tooLarge() {
        return new BodyRejected(413, "Request Entity Too Large: a multipart part's headers exceed " + maxHeaderSize + " bytes");
    }

    /** {@code form-data; name="x"; filename="a.txt"} (RFC 7578 4.2; {@code filename*} as RFC 8187). */
    record Disposition(String type, String name, String filename) {
        static Disposition parse(String v) {
            int i = 0, n = v.length();
            int semi = v.indexOf(';');
            String type = (semi < 0 ? v : v.substring(0, semi)).trim();
            String name = null, filename = null, extended = null;
            i = semi < 0 ? n : semi + 1;
            while (i < n) {
                while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == ';')) i++;
                int eq = v.indexOf('=', i);
                if (eq < 0) break;
                String key = v.substring(i, eq).trim().toLowerCase(Locale.ROOT);
                i = eq + 1;
                while (i < n && v.charAt(i) == ' ') i++;
                String value;
                if (i < n && v.charAt(i) == '"') {
                    var sb = new StringBuilder();
                    i++;
                    while (i < n && v.charAt(i) != '"') {
                        char c = v.charAt(i);
                        if (c == '\\' && i + 1 < n) c = v.charAt(++i);
                        sb.append(c);
                        i++;
                    }
                    if (i >= n) return null;   // unterminated quoted string
                    i++;
                    value = sb.toString();
                } else {
                    int end = v.indexOf(';', i);
                    if (end < 0) end = n;
                    value = v.substring(i, end).trim();
                    i = end;
                }
                switch (key) {
                    case "name" -> name = value;
                    case "filename" -> filename = value;
                    case "filename*" -> extended = value;
                    default -> { }
                }
            }
            if (extended != null) {
                String decoded = decodeExtended(extended);
                if (decoded != null) filename = decoded;
            }
            return new Disposition(type, name, filename);
        }

        /** {@code UTF-8''%e2%82%ac.txt}; null when it is not that form. */
        private static String decodeExtended(String v) {
            int q = v.indexOf("''");
            if (q < 0 || !v.substring(0, q).equalsIgnoreCase("utf-8")) return null;
            String enc = v.substring(q + 2);
            var out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < enc.length(); i++) {
                char c = enc.charAt(i);
                if (c == '%' && i + 2 < enc.length()) {
                    int hi = Character.digit(enc.charAt(i + 1), 16), lo = Character.digit(enc.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) return null;
                    out.write(hi << 4 | lo);
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
