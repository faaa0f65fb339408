package dev.brisk.transport;

import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client reading a 1 GiB streamed body at about 1 MB/s: the server reads its source only as fast
 * as the client takes the bytes (what it holds stays within the socket buffers and one piece), and
 * the source is closed as soon as the client goes away.
 */
class SlowReaderTest {
    static final long GIB = 1L << 30;
    static final AtomicLong produced = new AtomicLong();
    static final CountDownLatch closed = new CountDownLatch(1);

    public static class Routes {
        @Get("/gib")
        public InputStream gib() {
            return new InputStream() {
                @Override
                public int read() {
                    return produced.getAndIncrement() < GIB ? 'x' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    long left = GIB - produced.get();
                    if (left <= 0) return -1;
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    produced.addAndGet(n);
                    return n;
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
        }
    }

    @Test
    void theServerHoldsLittleAndStopsWhenTheClientLeaves() throws Exception {
        var server = TestServers.start(new Routes());
        try (var s = new Socket()) {
            s.setReceiveBufferSize(64 * 1024);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            s.getOutputStream().write("GET /gib HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[10_000];
            long read = 0;
            long start = System.nanoTime();
            // about 1 MB/s for two seconds: 100 reads of 10 kB every 10 ms
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2)) {
                int n = in.read(buf);
                assertThat(n).isPositive();
                read += n;
                Thread.sleep(10);
            }
            long ahead = produced.get() - read;
            assertThat(read).isLessThan(4L << 20);
            // Kernel send and receive buffers plus Netty's high-water mark and one 64 KiB piece: a few MiB, never the GiB.
            assertThat(ahead).as("bytes produced but not yet read by the client").isLessThan(12L << 20);
        } finally {
            assertThat(closed.await(5, TimeUnit.SECONDS)).as("the source is closed when the client leaves").isTrue();
            server.close(java.time.Duration.ZERO);
        }
        assertThat(produced.get()).isLessThan(64L << 20);
    }
}
