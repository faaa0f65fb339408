package dev.brisk.test.docs;

// tag::async-app[]
import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

public class AsyncApp {
    public record Message(String message) {}

    @Get("/")
    public CompletableFuture<Message> root() {
        return Async.sleep(Duration.ofMillis(10)).thenApply(v -> new Message("Tomato"));
    }

    public static App app() {
        return App.builder().include(new AsyncApp()).build();
    }
}
// end::async-app[]
