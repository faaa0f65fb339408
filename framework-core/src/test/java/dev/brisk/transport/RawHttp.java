package dev.brisk.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a real socket: writes exactly the bytes given, parses responses
 * (Content-Length framing only, which is all Brisk sends). Every read is bounded by a timeout.
 */
public final class RawHttp implements AutoCloseable {
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect(int port) {
        try {
            return new RawHttp(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid request. */
    public static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    public RawHttp send(String s) {
        return send(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] b) {
        try {
            out.write(b);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends, then reads one response. */
    public Resp exchange(String request) {
        return send(request).read();
    }

    public Resp read() {
        return read(false);
    }

    /** Reads one response; {@code head} when it answers a HEAD request (no body despite Content-Length). */
    public Resp read(boolean head) {
        try {
            String statusLine = line();
            if (statusLine == null) throw new IllegalStateException("connection closed before a response");
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IllegalStateException("bad status line: " + statusLine);
            int status = Integer.parseInt(parts[1]);
            var headers = new LinkedHashMap<String, List<String>>();
            String l;
            while ((l = line()) != null && !l.isEmpty()) {
                int colon = l.indexOf(':');
                headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(l.substring(colon + 1).trim());
            }
            if (l == null) throw new IllegalStateException("connection closed in the headers of " + statusLine);
            byte[] body = new byte[0];
            var cl = headers.get("content-length");
            if (status >= 200 && status != 204 && status != 304 && !head) {
                if (cl == null) throw new IllegalStateException("no Content-Length in " + statusLine + " " + headers);
                body = in.readNBytes(Integer.parseInt(cl.get(0)));
            }
            return new Resp(status, statusLine, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        var b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] a = b.toByteArray();
                int n = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
                return new String(a, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the server closes the connection (EOF or reset) within {@code within}, with no further bytes. */
    public boolean closedByServer(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            int c = in.read();
            if (c != -1) throw new IllegalStateException("unexpected byte from server: " + (char) c + readAvailable());
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                if (!socket.isClosed()) socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            } catch (SocketException ignored) {
                // closed
            }
        }
    }

    /** True when nothing arrives (and the connection stays open) for {@code quiet}. */
    public boolean silentFor(Duration quiet) {
        try {
            socket.setSoTimeout((int) quiet.toMillis());
            int c = in.read();
            if (c == -1) return false;
            throw new IllegalStateException("unexpected byte from server: " + (char) c + readAvailable());
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                if (!socket.isClosed()) socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            } catch (SocketException ignored) {
                // closed
            }
        }
    }

    private String readAvailable() throws IOException {
        byte[] b = new byte[Math.max(0, Math.min(in.available(), 2000))];
        int n = in.read(b);
        return n <= 0 ? "" : new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** One parsed response. */
    public record Resp(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            var v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " " + text();
        }
    }
}
