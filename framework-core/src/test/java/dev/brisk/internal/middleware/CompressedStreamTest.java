package dev.brisk.internal.middleware;

import dev.brisk.transport.LeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The compressing relay's demand rules: one piece out per piece in, and the trailer only when asked for. */
@ExtendWith(LeakCheck.class)
class CompressedStreamTest {
    /** A subscriber that asks for pieces one call at a time, as the test says. */
    static final class Manual implements Flow.Subscriber<ByteBuf> {
        Flow.Subscription subscription;
        final List<ByteBuf> pieces = new ArrayList<>();
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public synchronized void onNext(ByteBuf item) {
            pieces.add(item);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        byte[] bytes() {
            var out = new ByteArrayOutputStream();
            for (ByteBuf b : pieces) {
                out.writeBytes(ByteBufUtil.getBytes(b));
                b.release();
            }
            return out.toByteArray();
        }
    }

    /** A source that emits exactly what the test pushes, checking that it was asked for. */
    static final class Source implements Flow.Publisher<ByteBuf> {
        Flow.Subscriber<? super ByteBuf> subscriber;
        long demand;
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    demand += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        void push(String s) {
            assertThat(demand).as("the piece was asked for").isPositive();
            demand--;
            subscriber.onNext(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
        }
    }

    private static String gunzip(byte[] b) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void demandPassesThroughAndTheTrailerWaitsForTheNextRequest() throws IOException {
        var source = new Source();
        var out = new Manual();
        new CompressedStream(source, AcceptEncoding.GZIP, 6, ByteBufAllocator.DEFAULT).subscribe(out);
        out.subscription.request(1);
        assertThat(source.demand).isEqualTo(1);
        source.push("hello, ");
        assertThat(out.pieces).hasSize(1);
        out.subscription.request(1);
        source.push("world");
        assertThat(out.pieces).hasSize(2);
        source.subscriber.onComplete();   // nothing asked for: the trailer waits
        assertThat(out.completed).isFalse();
        assertThat(out.pieces).hasSize(2);
        out.subscription.request(1);
        assertThat(out.completed).isTrue();
        assertThat(out.pieces).hasSize(3);
        assertThat(source.demand).as("the source is not asked after its end").isZero();
        assertThat(gunzip(out.bytes())).isEqualTo("hello, world");
    }

    @Test
    void anEmptyStreamIsAValidEmptyGzipStream() throws IOException {
        var source = new Source();
        var out = new Manual();
        new CompressedStream(source, AcceptEncoding.GZIP, 6, ByteBufAllocator.DEFAULT).subscribe(out);
        out.subscription.request(1);
        source.subscriber.onComplete();
        assertThat(out.completed).isTrue();
        assertThat(gunzip(out.bytes())).isEmpty();
    }

    @Test
    void cancellingReleasesTheEncoderAndAWaitingTrailer() {
        var source = new Source();
        var out = new Manual();
        new CompressedStream(source, AcceptEncoding.DEFLATE, 6, ByteBufAllocator.DEFAULT).subscribe(out);
        out.subscription.request(1);
        source.push("some text");
        source.subscriber.onComplete();
        out.subscription.cancel();
        assertThat(source.cancelled).isTrue();
        out.subscription.request(1);
        assertThat(out.completed).isFalse();
        out.bytes();   // releases what was delivered; LeakCheck fails the class if the trailer leaked
    }

    @Test
    void aFailingSourceFailsTheStream() {
        var source = new Source();
        var out = new Manual();
        new CompressedStream(source, AcceptEncoding.GZIP, 6, ByteBufAllocator.DEFAULT).subscribe(out);
        out.subscription.request(2);
        source.push("partial");
        var boom = new IllegalStateException("boom");
        source.subscriber.onError(boom);
        assertThat(out.error).isSameAs(boom);
        out.bytes();
    }

    @Test
    void aSecondSubscriberIsRefused() {
        var stream = new CompressedStream(new Source(), AcceptEncoding.GZIP, 6, ByteBufAllocator.DEFAULT);
        var first = new Manual();
        stream.subscribe(first);
        var second = new Manual();
        stream.subscribe(second);
        assertThat(second.error).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        first.subscription.cancel();
    }
}
