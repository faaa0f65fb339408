package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rediss://}: the server's certificate is verified against the configured CA, and a server
 * it cannot verify is not used (requests are answered without the cache). Certificates are made
 * with openssl for the test; without redis-server or openssl the tests are skipped with a message.
 */
class RedisTlsTest {
    private static Path dir;
    private static Process redis;
    private static int port;

    public static final class Hello {
        @Get("/tls")
        @Cached(ttl = "1m")
        public String hello() {
            return "over TLS";
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        var p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    private static String skipped;

    @BeforeEach
    void runnable() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @BeforeAll
    static void start() throws Exception {
        var found = RedisServer.binary();
        if (found.isEmpty()) {
            skipped = RedisServer.MISSING;
            return;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            skipped = "SKIPPED: openssl is not installed (/usr/bin/openssl): the Redis TLS test did not run";
            return;
        }
        Path bin = found.get();
        dir = Files.createTempDirectory("brisk-redis-tls");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=brisk-test-ca");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt",
                "-days", "2", "-extfile", "san.ext");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other-ca.crt", "-days", "2", "-subj", "/CN=someone-else");
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder(List.of(bin.toString(), "--port", "0", "--tls-port", String.valueOf(port), "--bind", "127.0.0.1",
                "--tls-cert-file", "server.crt", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.crt", "--tls-auth-clients", "no",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        Concurrent.await(() -> {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return s.isConnected();
            } catch (IOException e) {
                return false;
            }
        }, "redis-server listens for TLS");
    }

    @AfterAll
    static void stop() throws IOException {
        if (redis != null) redis.destroyForcibly();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theServerIsVerifiedAgainstTheConfiguredCa() {
        var cache = RedisServer.connected(Cache.redis(RedisOptions.of("rediss://127.0.0.1:" + port).trustedCertificates(dir.resolve("ca.crt"))));
        try (var c = TestClient.of(App.builder().provide(Cache.class, cache).include(new Hello()).build())) {
            assertThat(c.get("/tls").header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
            Concurrent.await(() -> c.get("/tls").header("Cache-Status").startsWith("Brisk; hit"), "a hit over TLS");
        }
    }

    @Test
    void aServerTheCaDidNotSignIsNotUsed() {
        var cache = Cache.redis(RedisOptions.of("rediss://127.0.0.1:" + port).trustedCertificates(dir.resolve("other-ca.crt"))
                .connectTimeout(Duration.ofSeconds(1)));
        try (var log = new LogCapture(); var c = TestClient.of(App.builder().provide(Cache.class, cache).include(new Hello()).build())) {
            var r = c.get("/tls");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("over TLS");
            assertThat(r.header("Cache-Status")).isEqualTo("Brisk; fwd=bypass; detail=backend-unavailable");
            assertThat(log.lines("is unavailable")).hasSize(1);
        }
    }
}
