package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.GZip;
import dev.brisk.RequestId;
import dev.brisk.TrustedHost;

/**
 * A tour of Brisk's features, one route class per area, grown issue by issue. So far: the built-in
 * middleware ({@link #middleware}) around plain JSON routes ({@link Basics}) and background tasks
 * ({@link Tasks}).
 */
public final class TourApp {
    /** The origin of the (imagined) browser front end allowed to call the tour with credentials. */
    public static final String FRONT_END = "https://app.example.com";

    private TourApp() {
    }

    /** The app with a fresh task log. */
    public static App app() {
        var builder = App.builder()
                .title("Brisk tour").version("1.0.0")
                .description("One app that shows Brisk's features, area by area.");
        middleware(builder);
        return builder
                .provide(TaskLog.class, new TaskLog())
                .include(Basics.class)
                .include(Tasks.class)
                .build();
    }

    /**
     * Outermost first: every answer gets a request id; requests for other hosts are refused before
     * anything else runs; CORS headers go on every answer the front end may read (errors included);
     * bodies of 1 KiB and more are compressed.
     */
    static void middleware(App.Builder builder) {
        builder.middleware(
                RequestId.create(),
                TrustedHost.of("localhost", "127.0.0.1", "*.example.com"),
                Cors.allowOrigins(FRONT_END).allowCredentials(true).allowMethods("GET", "POST").allowHeaders("X-Token"),
                GZip.minimumSize(1024));
    }
}
