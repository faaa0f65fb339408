package dev.brisk.internal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A training run for the JVM's class-data caches, in one step: with {@code -Dbrisk.training=/json,/items},
 * {@code App.run} starts the server, sends each path {@value #REQUESTS} GET requests over a real socket,
 * then stops the server and returns, so that the JVM exits normally and writes the cache it was asked
 * for ({@code -XX:AOTCacheOutput=app.aot} on JDK 25, {@code -XX:ArchiveClassesAtExit=app.jsa} on 17).
 * The JVM writes nothing when it is killed by a signal, hence a run that ends itself.
 */
final class Training {
    static final String PROPERTY = "brisk.training";
    static final int REQUESTS = 50;

    private Training() {
    }

    /** The paths to request, when a training run was asked for. */
    static Optional<List<String>> paths() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank() || v.equals("false")) return Optional.empty();
        var out = new ArrayList<String>();
        if (!v.equals("true")) {
            for (String p : v.split(",")) {
                p = p.strip();
                if (p.isEmpty()) continue;
                if (!p.startsWith("/") || p.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                    throw new IllegalArgumentException("-D" + PROPERTY + ": each path must start with / and be plain ASCII: " + p);
                }
                out.add(p);
            }
        }
        if (out.isEmpty()) out.add("/");
        return Optional.of(List.copyOf(out));
    }

    /**
     * Sends the training requests to {@code server}, logs what each path answered, waits (at most 30 s) for
     * the background warm-up {@code warmedUp} so that the classes it loads are in the cache as well, and
     * closes the server.
     */
    static void run(RunningServer server, List<String> paths, CompletableFuture<Void> warmedUp) {
        var summary = new StringBuilder();
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        try {
            for (String path : paths) {
                int status = -1;
                for (int i = 0; i < REQUESTS; i++) status = get(address, path);
                summary.append(summary.isEmpty() ? "" : ", ").append(path).append(' ').append(status);
            }
            warmedUp.get(30, TimeUnit.SECONDS);
            Logs.always("Brisk training run: " + REQUESTS + " requests each to " + summary + "; stopping");
        } catch (IOException e) {
            Logs.LOG.error("Brisk training run: the requests failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Logs.LOG.warn("Brisk training run: the background warm-up did not finish: {}", e.toString());
        } finally {
            server.close();
        }
    }

    /** One {@code GET path} on a fresh connection; returns the status. */
    private static int get(InetSocketAddress address, String path) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            var head = new StringBuilder();
            while ((n = in.read(buf)) > 0) {
                if (head.length() < 16) head.append(new String(buf, 0, Math.min(n, 16), StandardCharsets.US_ASCII));
            }
            String line = head.toString();
            return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
        }
    }
}
