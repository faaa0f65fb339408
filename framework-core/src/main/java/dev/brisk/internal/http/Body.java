package dev.brisk.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Objects;
import java.util.concurrent.Flow;

/** What follows a reply's head. The transport frames each kind; nothing above it writes bytes. */
public sealed interface Body permits Body.Empty, Body.Bytes, Body.Chunks, Body.File, Body.Upgrade {

    /** No body ({@code Content-Length: 0} where a body is allowed). */
    Empty EMPTY = new Empty();

    /** Releases what the body holds when the reply is dropped unsent. Idempotent. */
    default void discard() {
    }

    /** The length when known in advance, else -1. */
    long length();

    /** No body. */
    final class Empty implements Body {
        private Empty() {
        }

        @Override
        public long length() {
            return 0;
        }
    }

    /** A complete body in one (usually pooled) buffer, which the reply owns. */
    record Bytes(ByteBuf content) implements Body {
        public Bytes {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public long length() {
            return content.readableBytes();
        }

        @Override
        public void discard() {
            if (content.refCnt() > 0) ReferenceCountUtil.safeRelease(content);
        }
    }

    /**
     * A body produced piece by piece. The transport subscribes once, requests one buffer at a time
     * while the connection is writable (so a slow client holds the producer back), takes ownership of
     * each buffer it receives, and cancels the subscription when the client goes away. The body ends
     * with {@code onComplete}; {@code onError} aborts the connection (no terminating chunk: a half
     * body is never presented as complete). Signals may arrive on any thread.
     *
     * @param length the total length if known (sent as {@code Content-Length}), else -1 (chunked)
     * @param flushEach whether each buffer is flushed at once (event streams) rather than when the transport sees fit
     */
    record Chunks(Flow.Publisher<ByteBuf> source, long length, boolean flushEach) implements Body {
        public Chunks {
            Objects.requireNonNull(source, "source");
        }

        public Chunks(Flow.Publisher<ByteBuf> source) {
            this(source, -1, true);
        }

        @Override
        public void discard() {
            // Never subscribed: tell the producer nobody will read it.
            source.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.cancel();
                }

                @Override
                public void onNext(ByteBuf item) {
                    ReferenceCountUtil.safeRelease(item);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
        }
    }

    /**
     * A region of an open file, sent without copying where the transport allows it (sendfile); the
     * transport closes the channel when done. Opening the file is the producer's job (off the event loop).
     */
    record File(FileChannel channel, long offset, long length) implements Body {
        public File {
            Objects.requireNonNull(channel, "channel");
            if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must be >= 0");
        }

        @Override
        public void discard() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the file was only read
            }
        }
    }

    /**
     * Switches protocols: after the head (status 101) is written, the transport removes its HTTP
     * handlers and hands the channel to {@link Upgrader#upgraded}, on the channel's event loop.
     */
    record Upgrade(Upgrader upgrader) implements Body {
        public Upgrade {
            Objects.requireNonNull(upgrader, "upgrader");
        }

        @Override
        public long length() {
            return -1;
        }

        @Override
        public void discard() {
            upgrader.abandoned();
        }
    }

    /** Takes over a connection after a protocol switch. */
    interface Upgrader {
        /** The 101 response is written and the HTTP handlers are gone: install the new protocol's handlers. */
        void upgraded(Channel channel);

        /** The upgrade will not happen (the connection closed first). */
        default void abandoned() {
        }
    }
}
