package dev.brisk.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Many requests at once over real connections (the TestClient sends one at a time), and waiting for a condition. */
final class Concurrent {
    private Concurrent() {
    }

    static List<CompletableFuture<HttpResponse<String>>> send(int port, String path, int n) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var out = new ArrayList<CompletableFuture<HttpResponse<String>>>(n);
        for (int i = 0; i < n; i++) {
            var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build();
            out.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        return out;
    }

    static List<HttpResponse<String>> all(List<CompletableFuture<HttpResponse<String>>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
