package dev.brisk.internal.files;

import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.DateHeader;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.stream.BlockingSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The reply for a file: validators, conditional requests (RFC 9110 13: {@code If-Match},
 * {@code If-Unmodified-Since} -> 412; {@code If-None-Match} before {@code If-Modified-Since} -> 304),
 * and byte ranges (RFC 9110 14: 206 with {@code Content-Range}, {@code multipart/byteranges} for several,
 * 416 when none is satisfiable; GET only, as {@code If-Range} allows). Only a 200 reply is subject to
 * conditions and ranges.
 */
public final class FileReplies {
    private static final AsciiString BYTES = AsciiString.cached("bytes");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PIECE = 64 * 1024;

    private FileReplies() {
    }

    /**
     * @param contentType the type to send, or null for the one the file name implies
     * @param disposition the {@code Content-Disposition} value, or null
     */
    public static Reply reply(RequestView req, ByteBufAllocator alloc, Executor workers, FileSource src, int status,
                              CharSequence contentType, String disposition) {
        CharSequence type = contentType != null ? contentType : MediaTypes.of(src.name());
        long length = src.length();
        if (status != 200) {
            var r = new Reply(status, type, src.body(0, length));
            headers(r, src, disposition);
            return r;
        }
        String method = req.method();
        boolean getOrHead = method.equals("GET") || method.equals("HEAD");
        int precondition = preconditions(req, src, getOrHead);
        if (precondition != 0) {
            src.close();
            Reply r = precondition == 304 ? Reply.empty(304) : Replies.detail(alloc, 412, "Precondition Failed");
            r.addHeader(HttpHeaderNames.ETAG, src.etag());
            r.addHeader(HttpHeaderNames.LAST_MODIFIED, DateHeader.format(src.lastModified()));
            return r;
        }
        String range = method.equals("GET") ? req.headerValue(HttpHeaderNames.RANGE) : null;
        if (range != null && ifRange(req.headerValue(HttpHeaderNames.IF_RANGE), src)) {
            var result = Ranges.parse(range, length);
            if (result.kind() == Ranges.Result.Kind.UNSATISFIABLE) {
                src.close();
                Reply r = Replies.detail(alloc, 416, "Range Not Satisfiable");
                r.addHeader(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
                r.addHeader(HttpHeaderNames.ACCEPT_RANGES, BYTES);
                return r;
            }
            if (result.kind() == Ranges.Result.Kind.RANGES) {
                List<long[]> ranges = result.ranges();
                if (ranges.size() == 1) {
                    long[] one = ranges.get(0);
                    var r = new Reply(206, type, src.body(one[0], one[1] - one[0] + 1));
                    r.addHeader(HttpHeaderNames.CONTENT_RANGE, "bytes " + one[0] + "-" + one[1] + "/" + length);
                    headers(r, src, disposition);
                    return r;
                }
                Reply multi = multipart(alloc, workers, src, type, ranges, disposition);
                if (multi != null) return multi;
            }
        }
        var r = new Reply(200, type, src.body(0, length));
        headers(r, src, disposition);
        return r;
    }

    private static void headers(Reply r, FileSource src, String disposition) {
        r.addHeader(HttpHeaderNames.ACCEPT_RANGES, BYTES);
        r.addHeader(HttpHeaderNames.ETAG, src.etag());
        r.addHeader(HttpHeaderNames.LAST_MODIFIED, DateHeader.format(src.lastModified()));
        if (disposition != null) r.addHeader(HttpHeaderNames.CONTENT_DISPOSITION, disposition);
    }

    /** 0 to go on, 304 or 412 (RFC 9110 13.2.2, in its order). */
    static int preconditions(RequestView req, FileSource src, boolean getOrHead) {
        String ifMatch = req.headerValue(HttpHeaderNames.IF_MATCH);
        if (ifMatch != null) {
            var m = EntityTags.compare(ifMatch, src.etag(), false);
            if (m == EntityTags.Match.NO_MATCH) return 412;
        } else {
            long since = HttpDates.parse(req.headerValue(HttpHeaderNames.IF_UNMODIFIED_SINCE));
            if (since != Long.MIN_VALUE && src.lastModified() > since) return 412;
        }
        String ifNoneMatch = req.headerValue(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            var m = EntityTags.compare(ifNoneMatch, src.etag(), true);
            if (m == EntityTags.Match.MATCH) return getOrHead ? 304 : 412;
        } else if (getOrHead) {
            long since = HttpDates.parse(req.headerValue(HttpHeaderNames.IF_MODIFIED_SINCE));
            long now = System.currentTimeMillis() / 1000;
            if (since != Long.MIN_VALUE && since <= now && src.lastModified() <= since) return 304;
        }
        return 0;
    }

    /** Whether a Range applies: no If-Range, or one that names the current representation (strong comparison). */
    static boolean ifRange(String header, FileSource src) {
        if (header == null) return true;
        String h = header.trim();
        if (h.startsWith("\"") || h.startsWith("W/")) return h.equals(src.etag());
        long date = HttpDates.parse(h);
        return date != Long.MIN_VALUE && date == src.lastModified();
    }

    /** Several ranges as multipart/byteranges, or null when that would be no smaller than the whole (tiny ranges). */
    private static Reply multipart(ByteBufAllocator alloc, Executor workers, FileSource src, CharSequence type,
                                   List<long[]> ranges, String disposition) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        String boundary = HexFormat.of().formatHex(b);
        long length = src.length();
        var heads = new byte[ranges.size()][];
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            long[] r = ranges.get(i);
            heads[i] = ("--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes " + r[0] + "-" + r[1] + "/" + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            total += heads[i].length + (r[1] - r[0] + 1) + 2;
        }
        byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        total += end.length;
        if (total >= length) return null;
        var body = new BlockingSource<ByteBuf>(workers) {
            private int part = -1;
            private long position;
            private long remaining;
            private boolean ended;

            @Override
            protected ByteBuf read() throws Exception {
                if (ended) return null;
                if (remaining > 0) {
                    int n = (int) Math.min(PIECE, remaining);
                    ByteBuf buf = alloc.buffer(n);
                    try {
                        src.read(position, buf, n);
                    } catch (Exception e) {
                        buf.release();
                        throw e;
                    }
                    position += n;
                    remaining -= n;
                    if (remaining == 0) buf.writeByte('\r').writeByte('\n');
                    return buf;
                }
                part++;
                if (part == ranges.size()) {
                    ended = true;
                    ByteBuf buf = alloc.buffer(end.length);
                    return buf.writeBytes(end);
                }
                long[] r = ranges.get(part);
                position = r[0];
                remaining = r[1] - r[0] + 1;
                ByteBuf buf = alloc.buffer(heads[part].length);
                return buf.writeBytes(heads[part]);
            }

            @Override
            protected void close() {
                src.close();
            }
        };
        var r = new Reply(206, "multipart/byteranges; boundary=" + boundary, new Body.Chunks(body, total, false));
        r.addHeader(HttpHeaderNames.ACCEPT_RANGES, BYTES);
        r.addHeader(HttpHeaderNames.ETAG, src.etag());
        r.addHeader(HttpHeaderNames.LAST_MODIFIED, DateHeader.format(src.lastModified()));
        if (disposition != null) r.addHeader(HttpHeaderNames.CONTENT_DISPOSITION, disposition);
        return r;
    }
}
