package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

/**
 * Compresses responses with gzip or deflate, as the request's {@code Accept-Encoding} allows, with
 * Netty's zlib encoder. Only bodies of compressible types ({@code text/*} but event streams, JSON,
 * XML, JavaScript, SVG and {@code +json}/{@code +xml} types) of at least the minimum size; never
 * partial content (206), a response that says {@code Cache-Control: no-transform}, or one that already
 * has a {@code Content-Encoding}. Compressible responses get {@code Vary: Accept-Encoding}, compressed
 * or not. A complete body is compressed in one go (the transport sends the compressed length); a
 * streamed one piece by piece, each piece flushed as it comes. HEAD gets the headers of GET.
 */
public final class GZipFilter implements Filter {
    private static final AsciiString VARY = HttpHeaderNames.VARY;
    private static final AsciiString ACCEPT_ENCODING_TOKEN = AsciiString.cached("Accept-Encoding");
    private static final AsciiString CONTENT_ENCODING = HttpHeaderNames.CONTENT_ENCODING;
    private static final AsciiString CACHE_CONTROL = HttpHeaderNames.CACHE_CONTROL;
    private static final AsciiString NO_TRANSFORM = AsciiString.cached("no-transform");
    private static final AsciiString ETAG = HttpHeaderNames.ETAG;
    private static final AsciiString ACCEPT_RANGES = HttpHeaderNames.ACCEPT_RANGES;

    private final int minimumSize;
    private final int level;

    /**
     * @param minimumSize bodies shorter than this many bytes are sent as they are
     * @param level the zlib level, 1 (fastest) to 9 (smallest)
     */
    public GZipFilter(int minimumSize, int level) {
        if (minimumSize < 0) throw new StartupException("GZip: minimumSize must be >= 0: " + minimumSize);
        if (level < 1 || level > 9) throw new StartupException("GZip: level must be 1 (fastest) to 9 (smallest): " + level);
        this.minimumSize = Math.max(minimumSize, 1);   // an empty body is never compressed
        this.level = level;
    }

    @Override
    public Reply after(Call call, Reply reply) {
        int status = reply.status();
        if (status < 200 || status == 204 || status == 206 || status == 304) return reply;
        Body body = reply.body();
        if (!(body instanceof Body.Bytes) && !(body instanceof Body.Chunks)) return reply;   // files are sent as they are
        CharSequence type = reply.contentType();
        if (type == null || !compressible(type)) return reply;
        if (reply.header(CONTENT_ENCODING) != null || reply.headerHasToken(CACHE_CONTROL, NO_TRANSFORM)) return reply;
        reply.addHeaderToken(VARY, ACCEPT_ENCODING_TOKEN);
        long length = body.length();
        if (length >= 0 && length < minimumSize) return reply;
        AcceptEncoding coding = AcceptEncoding.choose(call.request().headerMap());
        if (coding == null) return reply;
        var alloc = call.request().connection().alloc();
        if (body instanceof Body.Bytes b) {
            ByteBuf compressed = Compressor.compress(b.content(), coding, level, alloc);
            reply.body(new Body.Bytes(compressed));
        } else {
            var c = (Body.Chunks) body;
            reply.body(new Body.Chunks(new CompressedStream(c.source(), coding, level, alloc), -1, c.flushEach()));
        }
        reply.setHeader(CONTENT_ENCODING, coding.token);
        // A compressed body is another representation: a strong validator of the original no longer fits it,
        // and byte ranges of it are not what a range request would get.
        CharSequence etag = reply.header(ETAG);
        if (etag != null && etag.length() > 0 && etag.charAt(0) == '"') reply.setHeader(ETAG, "W/" + etag);
        reply.removeHeader(ACCEPT_RANGES);
        return reply;
    }

    /** text/* (not event streams), JSON, XML, JavaScript, SVG, and the +json / +xml types; parameters ignored. */
    static boolean compressible(CharSequence ct) {
        if (ct == Replies.JSON || ct == Replies.TEXT) return true;
        int n = ct.length();
        int end = 0;
        while (end < n && ct.charAt(end) != ';') end++;
        while (end > 0 && Tokens.isSpace(ct.charAt(end - 1))) end--;
        int start = 0;
        while (start < end && Tokens.isSpace(ct.charAt(start))) start++;
        int slash = start;
        while (slash < end && ct.charAt(slash) != '/') slash++;
        if (slash == end) return false;
        if (is(ct, start, slash, "text")) return !is(ct, slash + 1, end, "event-stream");
        if (is(ct, start, slash, "application")) {
            int s = slash + 1;
            return is(ct, s, end, "json") || is(ct, s, end, "xml") || is(ct, s, end, "javascript")
                    || is(ct, s, end, "x-javascript") || is(ct, s, end, "ecmascript") || is(ct, s, end, "x-ndjson")
                    || endsWith(ct, s, end, "+json") || endsWith(ct, s, end, "+xml");
        }
        if (is(ct, start, slash, "image")) return is(ct, slash + 1, end, "svg+xml");
        return false;
    }

    private static boolean is(CharSequence s, int start, int end, String word) {
        return end - start == word.length() && AsciiString.regionMatches(s, true, start, word, 0, word.length());
    }

    private static boolean endsWith(CharSequence s, int start, int end, String suffix) {
        int l = suffix.length();
        return end - start > l && AsciiString.regionMatches(s, true, end - l, suffix, 0, l);
    }
}
