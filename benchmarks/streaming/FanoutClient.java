import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Opens N event streams to 127.0.0.1:PORT/ticks on one selector thread, then counts the events that
 * arrive for SECONDS seconds. Args: PORT N SECONDS. Prints "open=<n> events=<n> per-second=<n>".
 */
public class FanoutClient {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]), seconds = Integer.parseInt(args[2]);
        byte[] req = "GET /ticks HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        var sel = Selector.open();
        int connected = 0;
        for (int i = 0; i < n; i++) {
            var ch = SocketChannel.open();
            ch.connect(new InetSocketAddress("127.0.0.1", port));
            ch.write(ByteBuffer.wrap(req));
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_READ);
            connected++;
            if (i % 1000 == 999) Thread.sleep(50);   // let the server's accept queue drain
        }
        System.out.println("connected=" + connected);
        var buf = ByteBuffer.allocateDirect(64 * 1024);
        long events = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long settleEnd = System.nanoTime() + 3_000_000_000L;
        long counted = 0;
        while (System.nanoTime() < end) {
            sel.select(100);
            for (var it = sel.selectedKeys().iterator(); it.hasNext(); ) {
                var k = it.next();
                it.remove();
                buf.clear();
                int r = ((SocketChannel) k.channel()).read(buf);
                if (r < 0) {
                    k.cancel();
                    k.channel().close();
                    continue;
                }
                for (int i = 0; i < r; i++) if (buf.get(i) == 'd' && i + 4 < r && buf.get(i + 1) == 'a' && buf.get(i + 2) == 't') events++;
            }
            if (System.nanoTime() > settleEnd && counted == 0) counted = events;
        }
        System.out.println("open=" + sel.keys().size() + " events=" + events + " per-second=" + (events - counted) / Math.max(1, seconds - 3));
    }
}
