package dev.brisk.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;

/** Building blocks for replies: the content types Brisk uses and the small bodies it writes itself. */
public final class Replies {
    public static final AsciiString JSON = AsciiString.cached("application/json");
    public static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
    public static final AsciiString OCTETS = AsciiString.cached("application/octet-stream");
    private static final byte[] NOT_FOUND = "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INTERNAL = "{\"detail\":\"Internal Server Error\"}".getBytes(StandardCharsets.US_ASCII);

    private Replies() {
    }

    /**
     * Bodies up to this size are made as plain heap arrays rather than taken from the pooled allocator:
     * the transport copies a body this small behind the response head anyway, and a short-lived array
     * costs the JVM far less than a pooled buffer's bookkeeping (measured on /plaintext).
     */
    public static final int HEAP_LIMIT = 2048;

    public static Reply raw(ByteBufAllocator alloc, int status, CharSequence contentType, byte[] body) {
        if (body.length <= HEAP_LIMIT) return Reply.bytes(status, contentType, Unpooled.wrappedBuffer(body.clone()));
        ByteBuf buf = alloc.buffer(body.length);
        buf.writeBytes(body);
        return Reply.bytes(status, contentType, buf);
    }

    public static Reply text(ByteBufAllocator alloc, int status, CharSequence contentType, String s) {
        if (s.length() <= HEAP_LIMIT / 3) return Reply.bytes(status, contentType, Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8)));
        ByteBuf buf = alloc.buffer(s.length() + 8);
        ByteBufUtil.writeUtf8(buf, s);
        return Reply.bytes(status, contentType, buf);
    }

    public static Reply notFound(ByteBufAllocator alloc) {
        return Reply.bytes(404, JSON, Unpooled.wrappedBuffer(NOT_FOUND));   // a constant: wrapped, never written to
    }

    public static Reply internalError(ByteBufAllocator alloc) {
        return Reply.bytes(500, JSON, Unpooled.wrappedBuffer(INTERNAL));
    }

    /** {@code {"detail": "<reason>"}}, as Brisk answers 404, 405, 413, 503 and the like. */
    public static Reply detail(ByteBufAllocator alloc, int status, String detail) {
        var sb = new StringBuilder(detail.length() + 14).append("{\"detail\":\"");
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
                continue;
            }
            sb.append(c);
        }
        sb.append("\"}");
        return raw(alloc, status, JSON, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
