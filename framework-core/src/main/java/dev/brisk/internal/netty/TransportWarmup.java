package dev.brisk.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Sends one request and one response through Brisk's HTTP codec on an embedded channel, so that the
 * transport's classes (allocator, pipeline, decoder, encoder) are loaded and initialised while the
 * app is built rather than while its first request waits. Pure Java: the native transport is left to
 * server start, which loads it on one thread.
 */
public final class TransportWarmup {
    private static final byte[] REQUEST = "GET /warmup?q=1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private TransportWarmup() {
    }

    /** Never fails: a problem here only means the first request pays for the class loading. */
    public static void run() {
        try {
            exercise();
        } catch (Throwable t) {
            LoggerFactory.getLogger(TransportWarmup.class).debug("transport warm-up failed", t);
        }
    }

    /** Decodes a request and encodes a response; returns the decoded request's URI and the response bytes. */
    static String exercise() {
        var ch = new EmbeddedChannel(new StrictRequestDecoder(NettyServer.decoderConfig(), new ConnState()), new ResponseEncoder());
        var seen = new StringBuilder();
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(REQUEST));
            for (Object m; (m = ch.readInbound()) != null; ) {
                if (m instanceof HttpRequest r) seen.append(r.method()).append(' ').append(r.uri()).append('\n');
                ReferenceCountUtil.release(m);
            }
            var body = ch.alloc().buffer(16).writeBytes("{}".getBytes(StandardCharsets.US_ASCII));
            var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            ch.writeOutbound(res);
            for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
                seen.append(b.toString(StandardCharsets.US_ASCII));
                b.release();
            }
            return seen.toString();
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
