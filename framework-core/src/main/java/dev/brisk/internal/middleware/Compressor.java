package dev.brisk.internal.middleware;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;

/**
 * Netty's zlib encoder ({@link ZlibCodecFactory}, the JDK's {@code Deflater} underneath) run in an
 * {@link EmbeddedChannel}, as Netty's {@code HttpContentEncoder} runs it. Every write is compressed
 * with a sync flush, so its output can be sent at once and decoded by the client without waiting for
 * more. Not thread-safe: one caller at a time; {@link #finish()} or {@link #close()} frees the
 * deflater's native memory.
 */
final class Compressor {
    private final EmbeddedChannel channel;
    private boolean done;

    Compressor(AcceptEncoding coding, int level, ByteBufAllocator alloc) {
        channel = new EmbeddedChannel(ZlibCodecFactory.newZlibEncoder(coding.wrapper, level));
        channel.config().setAllocator(alloc);
    }

    /** Compresses (and releases) {@code in}; returns what the encoder produced so far (maybe empty). */
    ByteBuf write(ByteBuf in) {
        channel.writeOutbound(in);
        return drain();
    }

    /** Ends the stream: the rest of the compressed data and the trailer. */
    ByteBuf finish() {
        done = true;
        channel.finish();
        return drain();
    }

    /** Drops the encoder without finishing (the stream was cancelled or failed). Idempotent. */
    void close() {
        if (done) return;
        done = true;
        channel.finishAndReleaseAll();
    }

    private ByteBuf drain() {
        ByteBuf first = channel.readOutbound();
        if (first == null) return Unpooled.EMPTY_BUFFER;
        ByteBuf next = channel.readOutbound();
        if (next == null) return first;
        CompositeByteBuf all = channel.alloc().compositeBuffer();
        all.addComponent(true, first);
        do {
            all.addComponent(true, next);
        } while ((next = channel.readOutbound()) != null);
        return all;
    }

    /** {@code in} (released) compressed whole. */
    static ByteBuf compress(ByteBuf in, AcceptEncoding coding, int level, ByteBufAllocator alloc) {
        var c = new Compressor(coding, level, alloc);
        ByteBuf body = null;
        try {
            body = c.write(in);
            ByteBuf tail = c.finish();
            if (!tail.isReadable()) {
                tail.release();
                return body;
            }
            CompositeByteBuf all = alloc.compositeBuffer(2);
            all.addComponent(true, body);
            body = null;
            all.addComponent(true, tail);
            return all;
        } catch (RuntimeException e) {
            if (body != null) body.release();
            c.close();
            throw e;
        }
    }
}
