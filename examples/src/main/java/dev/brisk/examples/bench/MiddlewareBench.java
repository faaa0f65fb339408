package dev.brisk.examples.bench;

import dev.brisk.Cors;
import dev.brisk.GZip;
import dev.brisk.RequestId;

/**
 * The bench app behind the tour's middleware (a request id, CORS for one origin, GZip from 1 KiB),
 * to measure what the chain costs (docs/benchmarks.md):
 * {@code java -cp examples/target/brisk-examples.jar dev.brisk.examples.bench.MiddlewareBench --port N}.
 * Measured with {@code Origin} and {@code Accept-Encoding: gzip} on every request, {@code /json}'s 27
 * bytes stay below GZip's minimum, so the figure is the chain's, not compression's.
 */
public final class MiddlewareBench {
    private MiddlewareBench() {
    }

    public static void main(String[] args) {
        int port = 8000;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--port")) port = Integer.parseInt(args[i + 1]);
        BenchApp.builder()
                .middleware(RequestId.create(), Cors.allowOrigins("https://app.example.com").allowCredentials(true), GZip.minimumSize(1024))
                .build().run("127.0.0.1", port);
    }
}
