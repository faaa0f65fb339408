package dev.brisk.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import dev.brisk.internal.http.DateHeader;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes Brisk's responses as bytes. The server only ever writes complete responses, so this needs
 * none of {@code HttpResponseEncoder}'s state machine: the status line comes pre-encoded,
 * {@code Content-Length} (from the body) and {@code Date} (cached per second) are written here rather
 * than stored in each response's header map, and the headers and a small body go into one pooled
 * buffer, which the transport sends with a single write.
 */
final class ResponseEncoder extends ChannelOutboundHandlerAdapter {
    /** Bodies up to this size are copied behind the headers; larger ones are sent as they are. */
    static final int COPY_LIMIT = 8192;
    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SP = (':' << 8) | ' ';
    private static final byte[] CONTENT_LENGTH = "content-length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATE = "date: ".getBytes(StandardCharsets.US_ASCII);
    private static final HttpResponseStatus[] KNOWN = new HttpResponseStatus[600];
    private static final byte[][] STATUS_LINES = new byte[600][];

    static {
        for (int code = 100; code < 600; code++) {
            var status = HttpResponseStatus.valueOf(code);
            if (status != HttpResponseStatus.valueOf(code)) continue; // not a shared constant: encoded per response
            KNOWN[code] = status;
            STATUS_LINES[code] = statusLine(HttpVersion.HTTP_1_1, status);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof FullHttpResponse res)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf content = res.content();
        int code = res.status().code();
        // As HTTP requires (and Netty's encoder does): no body, and no Content-Length, with 1xx, 204 and 304.
        boolean bodyAllowed = code >= 200 && code != 204 && code != 304;
        int length = bodyAllowed ? content.readableBytes() : 0;
        boolean inline = length <= COPY_LIMIT;
        ByteBuf out = ctx.alloc().buffer(256 + (inline ? length : 0));
        ByteBuf body = null;
        try {
            writeHead(out, res);
            // An empty body may answer a HEAD request, which carries the GET response's length already.
            if (bodyAllowed && (length != 0 || !res.headers().contains(HttpHeaderNames.CONTENT_LENGTH))) {
                out.writeBytes(CONTENT_LENGTH);
                writeDecimal(out, length);
                out.writeShort(CRLF);
            }
            if (code >= 200) {
                out.writeBytes(DATE);
                writeAscii(out, DateHeader.now());
                out.writeShort(CRLF);
            }
            out.writeShort(CRLF);
            if (inline) {
                out.writeBytes(content, content.readerIndex(), length);
            } else {
                body = content.retainedSlice(content.readerIndex(), length);
            }
        } catch (RuntimeException e) {
            out.release();
            res.release();
            promise.setFailure(e);
            return;
        }
        res.release();
        ctx.write(body == null ? out : Unpooled.wrappedBuffer(out, body), promise);
    }

    private static void writeHead(ByteBuf out, FullHttpResponse res) {
        HttpResponseStatus status = res.status();
        int code = status.code();
        if (res.protocolVersion() == HttpVersion.HTTP_1_1 && code >= 100 && code < 600 && KNOWN[code] == status) {
            out.writeBytes(STATUS_LINES[code]);
        } else {
            out.writeBytes(statusLine(res.protocolVersion(), status));
        }
        var it = res.headers().iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            writeAscii(out, h.getKey());
            out.writeShort(COLON_SP);
            writeAscii(out, h.getValue());
            out.writeShort(CRLF);
        }
    }

    private static void writeDecimal(ByteBuf out, int n) {
        if (n < 10) {
            out.writeByte('0' + n);
            return;
        }
        int digits = 1;
        for (int x = n / 10; x != 0; x /= 10) digits++;
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        for (int i = end - 1; i >= out.writerIndex(); i--, n /= 10) out.setByte(i, '0' + n % 10);
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

    private static byte[] statusLine(HttpVersion version, HttpResponseStatus status) {
        return (version.text() + ' ' + status.code() + ' ' + status.reasonPhrase() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
