package dev.brisk.test.docs;

// tag::first-app[]
import dev.brisk.App;
import dev.brisk.Get;

public class FirstApp {
    public record Message(String msg) {}

    @Get("/")
    public Message root() {
        return new Message("Hello World");
    }

    public static App app() {
        return App.builder().include(new FirstApp()).build();
    }
}
// end::first-app[]
