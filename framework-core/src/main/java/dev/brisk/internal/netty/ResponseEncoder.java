package dev.brisk.internal.netty;

import dev.brisk.internal.http.DateHeader;
import dev.brisk.internal.http.HttpStatus;
import dev.brisk.internal.http.PreparedHeaders;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Reply}'s head as bytes: a pre-encoded status line, the content type and headers,
 * then what the transport alone decides ({@code Content-Length} or {@code Transfer-Encoding},
 * {@code Date}, {@code Connection}), straight into one pooled buffer that a small body can follow.
 */
final class ResponseEncoder {
    /** Bodies up to this size are copied behind the head; larger ones are sent as a second buffer of the same write. */
    static final int COPY_LIMIT = 8192;
    /** No length header (1xx, 204, 304, close-delimited or upgrade). */
    static final long NO_LENGTH = -2;
    /** {@code Transfer-Encoding: chunked}. */
    static final long CHUNKED = -1;

    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SP = (':' << 8) | ' ';
    private static final byte[] CONTENT_TYPE = "content-type: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_TE = "transfer-encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATE = "date: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int code = 100; code < 600; code++) STATUS_LINES[code] = statusLine(code);
    }

    private ResponseEncoder() {
    }

    /** Whether a reply with this status may carry a body (and a length): not 1xx, 204 or 304. */
    static boolean bodyAllowed(int code) {
        return code >= 200 && code != 204 && code != 304;
    }

    /**
     * The head of {@code r}, with room for {@code extra} more bytes (a body copied behind it).
     *
     * @param length {@code >= 0} for {@code Content-Length}, {@link #CHUNKED}, or {@link #NO_LENGTH}
     * @param connection what to say in {@code Connection}: {@code 1} close, {@code 2} keep-alive (HTTP/1.0), {@code 0} nothing
     */
    static ByteBuf head(ByteBufAllocator alloc, Reply r, long length, int connection, int extra) {
        ByteBuf out = alloc.buffer(256 + extra);
        try {
            int code = r.status();
            out.writeBytes(STATUS_LINES[code]);
            CharSequence ct = r.contentType();
            if (ct != null) {
                out.writeBytes(CONTENT_TYPE);
                writeAscii(out, ct);
                out.writeShort(CRLF);
            }
            PreparedHeaders prepared = r.preparedHeaders();
            if (prepared != null) out.writeBytes(prepared.encoded());   // never holds Connection
            else for (int i = 0, n = r.headerCount(); i < n; i++) {
                CharSequence name = r.headerName(i);
                // Connection is the transport's, except on a protocol switch, which names the upgrade in it.
                if (connection != 0 && HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)) continue;
                writeAscii(out, name);
                out.writeShort(COLON_SP);
                writeAscii(out, r.headerValue(i));
                out.writeShort(CRLF);
            }
            if (length >= 0) {
                out.writeBytes(CONTENT_LENGTH);
                writeDecimal(out, length);
                out.writeShort(CRLF);
            } else if (length == CHUNKED) {
                out.writeBytes(CHUNKED_TE);
            }
            if (code >= 200) {
                out.writeBytes(DATE);
                writeAscii(out, DateHeader.now());
                out.writeShort(CRLF);
            }
            if (connection == 1) out.writeBytes(CLOSE);
            else if (connection == 2) out.writeBytes(KEEP_ALIVE);
            out.writeShort(CRLF);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The size line before a chunk of {@code size} bytes. */
    static ByteBuf chunkHeader(ByteBufAllocator alloc, int size) {
        ByteBuf b = alloc.buffer(10);
        b.writeCharSequence(Integer.toHexString(size), StandardCharsets.US_ASCII);
        b.writeShort(CRLF);
        return b;
    }

    static ByteBuf crlf(ByteBufAllocator alloc) {
        return alloc.buffer(2).writeShort(CRLF);
    }

    static ByteBuf lastChunk(ByteBufAllocator alloc) {
        return alloc.buffer(LAST_CHUNK.length).writeBytes(LAST_CHUNK);
    }

    /** {@code HTTP/1.1 100 Continue}, an interim response. */
    static ByteBuf continue100(ByteBufAllocator alloc) {
        return alloc.buffer(25).writeBytes(STATUS_LINES[100]).writeShort(CRLF);
    }

    private static void writeDecimal(ByteBuf out, long n) {
        if (n < 10) {
            out.writeByte('0' + (int) n);
            return;
        }
        int digits = 1;
        for (long x = n / 10; x != 0; x /= 10) digits++;
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        for (int i = end - 1; i >= out.writerIndex(); i--, n /= 10) out.setByte(i, '0' + (int) (n % 10));
        out.writerIndex(end);
    }

    /** As Netty's encoder: ASCII as is, any other character as {@code ?} (values were checked before). */
    private static void writeAscii(ByteBuf out, CharSequence s) {
        if (s instanceof AsciiString a) {
            ByteBufUtil.copy(a, 0, out, a.length());
        } else {
            out.writeCharSequence(s, StandardCharsets.US_ASCII);
        }
    }

    private static byte[] statusLine(int code) {
        return ("HTTP/1.1 " + code + ' ' + HttpStatus.reason(code) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
