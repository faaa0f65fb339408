package dev.brisk.websocket;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a real socket that writes exactly the frames a test asks for (masked or
 * not, any opcode, RSV bits, fragments) and parses what the server sends. Every read is bounded.
 * It fails the test when the server sends a masked frame or the codes 1005/1006, which must never
 * be on the wire.
 */
final class RawWebSocket implements AutoCloseable {
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";   // RFC 6455's example; its accept value is known
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    /** The head of the handshake's response. */
    String head;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(int port) {
        try {
            return new RawWebSocket(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and sends a valid handshake for {@code path} with extra header lines; returns after the response head. */
    static RawWebSocket open(int port, String path, String... headers) {
        var ws = connect(port);
        ws.head = ws.handshake(path, headers);
        if (!ws.head.startsWith("HTTP/1.1 101 ")) throw new AssertionError("not upgraded: " + ws.head);
        return ws;
    }

    static String request(String path, String... headers) {
        var sb = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String h : headers) sb.append(h).append("\r\n");
        return sb.append("\r\n").toString();
    }

    /** Sends a handshake and reads the response head (and, for a non-101, nothing more). */
    String handshake(String path, String... headers) {
        return sendRaw(request(path, headers)).readHead();
    }

    RawWebSocket sendRaw(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String readHead() {
        var b = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) != -1) {
                b.write(c);
                if (b.size() >= 4 && b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------------------------ writing

    /** Writes one frame: FIN, RSV bits (0-7), opcode, payload; masked as a client must unless {@code masked} is false. */
    RawWebSocket frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        var buf = ByteBuffer.allocate(payload.length + 14);
        buf.put((byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            buf.put((byte) (maskBit | payload.length));
        } else if (payload.length < 65536) {
            buf.put((byte) (maskBit | 126)).putShort((short) payload.length);
        } else {
            buf.put((byte) (maskBit | 127)).putLong(payload.length);
        }
        byte[] data = payload;
        if (masked) {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            buf.put(mask);
            data = payload.clone();
            for (int i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
        }
        buf.put(data);
        try {
            out.write(buf.array(), 0, buf.position());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RawWebSocket frame(boolean fin, int opcode, byte[] payload) {
        return frame(fin, 0, opcode, payload, true);
    }

    RawWebSocket text(String s) {
        return frame(true, 1, s.getBytes(StandardCharsets.UTF_8));
    }

    RawWebSocket ping(byte[] payload) {
        return frame(true, 9, payload);
    }

    RawWebSocket close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        var p = ByteBuffer.allocate(2 + r.length).putShort((short) code).put(r).array();
        return frame(true, 8, p);
    }

    // ------------------------------------------------------------------------------------ reading

    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Frame[op=" + opcode + (opcode == 8 ? " code=" + closeCode() + " " + closeReason() : " " + payload.length + " bytes") + "]";
        }
    }

    Frame read() {
        try {
            int b0 = in.read();
            if (b0 < 0) throw new AssertionError("the server closed the connection instead of sending a frame");
            int b1 = in.read();
            if ((b1 & 0x80) != 0) throw new AssertionError("the server sent a masked frame");
            long len = b1 & 0x7f;
            if (len == 126) len = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
            else if (len == 127) len = ByteBuffer.wrap(in.readNBytes(8)).getLong();
            byte[] payload = in.readNBytes((int) len);
            var f = new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, payload);
            if (f.opcode() == 8 && (f.closeCode() == 1005 || f.closeCode() == 1006)) throw new AssertionError("the server sent " + f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until one with {@code opcode}, skipping pings. */
    Frame next(int opcode) {
        while (true) {
            var f = read();
            if (f.opcode() == opcode) return f;
            if (f.opcode() != 9) throw new AssertionError("expected opcode " + opcode + ", got " + f);
        }
    }

    /** True when the server ends the TCP connection within {@code within} without sending anything more. */
    boolean closedByServer(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            int c = in.read();
            if (c != -1) throw new AssertionError("unexpected byte after the close: " + c);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
