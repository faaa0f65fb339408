package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.GZip;
import dev.brisk.RequestId;
import dev.brisk.SettingsSource;
import dev.brisk.TrustedHost;

/**
 * A tour of Brisk's features, one route class per area: plain JSON routes ({@link Basics}), background
 * tasks ({@link Tasks}), the built-in middleware ({@link #middleware}), cached responses
 * ({@link CacheRoutes}), streams, events, files, static files and uploads ({@link StreamingRoutes}),
 * WebSockets ({@link WebSocketRoutes}), security schemes ({@link SecurityRoutes}), and metrics and
 * health endpoints ({@link ObservabilityRoutes}). Its settings come from the environment
 * ({@link TourSettings}); the command line's options win over them ({@link TourOptions}).
 */
public final class TourApp {
    /** The origin of the (imagined) browser front end allowed to call the tour with credentials (TOUR_CORS_ORIGINS's default). */
    public static final String FRONT_END = "https://app.example.com";

    private TourApp() {
    }

    /** The app with its settings from the environment and no command-line options. */
    public static App app() {
        return app(settings(), TourOptions.none());
    }

    /** The tour's settings, from the environment, system properties and BRISK_SETTINGS_FILE. */
    public static TourSettings settings() {
        return SettingsSource.standard().bind(TourSettings.class);
    }

    /** The app for these settings and options. */
    public static App app(TourSettings settings, TourOptions options) {
        var builder = App.builder()
                .title("Brisk tour").version("1.0.0")
                .description("One app that shows Brisk's features, area by area.")
                .provide(TourSettings.class, settings);
        middleware(builder, settings);
        builder.provide(TaskLog.class, new TaskLog())
                .include(Basics.class)
                .include(Tasks.class);
        CacheRoutes.install(builder, CacheRoutes.backend(options.cache().or(settings::cacheUrl).map(Object::toString)));
        StreamingRoutes.install(builder, options.staticDir());
        builder.include(new WebSocketRoutes());
        SecurityRoutes.install(builder);
        ObservabilityRoutes.install(builder);
        return builder.build();
    }

    /**
     * Outermost first: every answer gets a request id; requests for other hosts are refused before
     * anything else runs; CORS headers go on every answer the front end may read (errors included),
     * and the same origins may open WebSockets; bodies of 1 KiB and more are compressed.
     */
    static void middleware(App.Builder builder, TourSettings settings) {
        builder.middleware(
                RequestId.create(),
                TrustedHost.of("localhost", "127.0.0.1", "*.example.com"),
                Cors.allowOrigins(settings.corsOrigins().toArray(String[]::new)).allowCredentials(true).allowMethods("GET", "POST")
                        .allowHeaders("X-Token", "Authorization", "X-API-Key"),
                GZip.minimumSize(1024));
    }
}
