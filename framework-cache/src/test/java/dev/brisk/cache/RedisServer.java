package dev.brisk.cache;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for one test class, on a free port of 127.0.0.1, without persistence
 * ({@code --save '' --appendonly no}). Without the binary, the class's tests are skipped with a
 * message that names it (never passed). {@link #kill()} and {@link #start()} let a test take Redis
 * away and bring it back on the same port.
 */
final class RedisServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    static final String BINARY = "redis-server";

    private final List<String> extra;
    private int port;
    private Process process;
    private Path dir;

    RedisServer(String... extraArgs) {
        this.extra = List.of(extraArgs);
    }

    /** The redis-server on the PATH (or in /usr/bin, /usr/local/bin), if installed. */
    static Optional<Path> binary() {
        String forced = System.getProperty("brisk.redis-server");   // -Dbrisk.redis-server=/path (or "" to act as if none)
        if (forced != null) return forced.isEmpty() || !Files.isExecutable(Path.of(forced)) ? Optional.empty() : Optional.of(Path.of(forced));
        var dirs = new ArrayList<String>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin"));
        for (String d : dirs) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, BINARY);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static final String MISSING = "SKIPPED: " + BINARY + " is not installed (not on the PATH): this test against a real Redis did not "
            + "run. Install it (Debian: apt-get install redis-server; .ci/run does) to run it.";

    /**
     * Skips the calling test when there is no redis-server. Call it per test (a skip in a
     * {@code @BeforeAll} would report no test at all rather than skipped ones).
     */
    static Path requireBinary() {
        var bin = binary();
        Assumptions.assumeTrue(bin.isPresent(), MISSING);
        return bin.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireBinary();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (binary().isEmpty()) {
            System.err.println(MISSING + " (" + context.getDisplayName() + ")");
            return;
        }
        dir = Files.createTempDirectory("brisk-redis");
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kill();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Waits until {@code cache} has connected (the first connection of a cold JVM may take longer than a request waits). */
    static Cache connected(Cache cache) {
        Concurrent.await(() -> {
            try {
                cache.get("warmup", "x").join();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }, cache + " connected");
        return cache;
    }

    /** Starts (again) on the same port and waits until it answers PING. */
    void start() throws IOException, InterruptedException {
        var cmd = new ArrayList<String>(List.of(requireBinary().toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no", "--loglevel", "warning"));
        cmd.addAll(extra);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            if (System.nanoTime() > deadline) throw new IllegalStateException("redis-server did not answer on port " + port);
            Thread.sleep(20);
        }
    }

    /** Kills it at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() {
        if (port == 0) return;
        var p = process;
        if (p == null) return;
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean answersPing() {
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write(pingCommand());
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            String answer = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] pingCommand() {
        return "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
