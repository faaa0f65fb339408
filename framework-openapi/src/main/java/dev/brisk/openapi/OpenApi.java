package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.openapi.internal.DocumentCache;
import io.swagger.v3.oas.models.OpenAPI;

import java.util.Objects;

/**
 * The OpenAPI 3.1 document of an app, generated from the same route model the server runs.
 *
 * <pre>{@code
 * App app = App.builder().title("Shop").version("1.0.0").scan("com.example.shop").build();
 * String json = OpenApi.json(app);   // what GET /openapi.json serves
 * }</pre>
 *
 * <p>The document is computed once per app, on first use, and cached. It does not depend on
 * {@code docs(false)} or the configured paths: those only decide what is served.
 */
public final class OpenApi {
    private OpenApi() {
    }

    /** The document as compact JSON, exactly as served at the app's {@code openapiPath}. */
    public static String json(App app) {
        return cache(app).get().json();
    }

    /** The document as indented JSON, for files meant to be read and diffed. */
    public static String prettyJson(App app) {
        return cache(app).get().prettyJson();
    }

    /**
     * The document as swagger-core's model. It is shared with the cache: read it, do not change it
     * (changes would not reach {@link #json(App)} anyway).
     */
    public static OpenAPI document(App app) {
        return cache(app).get().document();
    }

    private static DocumentCache cache(App app) {
        var rt = AppRuntime.of(Objects.requireNonNull(app, "app"));
        var notes = rt.state(dev.brisk.internal.spi.RouteNotes.class, dev.brisk.internal.spi.RouteNotes::new);
        return rt.state(DocumentCache.class, () -> new DocumentCache(rt.model(), rt.api(), rt::mapper, notes));
    }
}
