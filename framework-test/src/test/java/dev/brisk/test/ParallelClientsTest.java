package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients in one JVM at once, each with its own app, cookies and server, do not interfere. */
class ParallelClientsTest {
    record Count(String app, int n) {
    }

    public static class Counter {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        Counter(String name) {
            this.name = name;
        }

        @Post("/count")
        public Count count() {
            return new Count(name, count.incrementAndGet());
        }

        @Post("/login/{user}")
        public Response login(String user) {
            return Response.text(user).cookie("user", user);
        }

        @Get("/user")
        public String user(@dev.brisk.Cookie String user) {
            return user;
        }

        @Get("/fail")
        public String fail() {
            throw new IllegalStateException("failed in " + name);
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            var futures = new ArrayList<Future<T>>();
            for (var t : tasks) futures.add(pool.submit(t));
            var results = new ArrayList<T>();
            for (var f : futures) results.add(f.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsOfDifferentAppsRunInParallel() throws Exception {
        int clients = 8, requests = 150;
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < clients; i++) {
            String name = "app-" + i;
            tasks.add(() -> {
                try (var client = TestClient.of(App.builder().include(new Counter(name)).build())) {
                    client.post("/login/" + name, null);
                    for (int n = 1; n <= requests; n++) {
                        assertThat(client.post("/count", null).json(Count.class)).isEqualTo(new Count(name, n));
                        if (n % 25 == 0) {
                            assertThat(client.get("/user")).hasText(name);
                            try {
                                client.get("/fail");
                                throw new AssertionError("expected the server exception");
                            } catch (IllegalStateException e) {
                                assertThat(e).hasMessage("failed in " + name);
                            }
                        }
                    }
                    return requests;
                }
            });
        }
        assertThat(runAll(tasks)).containsOnly(requests);
    }

    @Test
    void oneClientSharedByThreadsAnswersEveryRequest() throws Exception {
        var counter = new Counter("shared");
        try (var client = TestClient.of(App.builder().include(counter).build())) {
            var tasks = new ArrayList<Callable<List<Integer>>>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    var seen = new ArrayList<Integer>();
                    for (int i = 0; i < 100; i++) seen.add(client.post("/count", null).json(Count.class).n());
                    return seen;
                });
            }
            var all = runAll(tasks).stream().flatMap(List::stream).sorted().toList();
            assertThat(all).hasSize(400).doesNotHaveDuplicates().startsWith(1).endsWith(400);
        }
    }
}
