package dev.brisk.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Replies;
import io.netty.handler.codec.http.HttpRequest;
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
        var ch = new EmbeddedChannel(new StrictRequestDecoder(NettyServer.decoderConfig(), new ConnState()));
        var seen = new StringBuilder();
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(REQUEST));
            for (Object m; (m = ch.readInbound()) != null; ) {
                if (m instanceof HttpRequest r) seen.append(r.method()).append(' ').append(r.uri()).append('\n');
                ReferenceCountUtil.release(m);
            }
            var reply = Replies.raw(ch.alloc(), 200, Replies.JSON, "{}".getBytes(StandardCharsets.US_ASCII));
            var content = ((Body.Bytes) reply.body()).content();
            var out = ResponseEncoder.head(ch.alloc(), reply, content.readableBytes(), 0, content.readableBytes());
            out.writeBytes(content);
            content.release();
            ch.writeOutbound(out);
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
