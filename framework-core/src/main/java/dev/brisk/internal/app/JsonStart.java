package dev.brisk.internal.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.dispatch.Endpoint;
import dev.brisk.internal.json.Json;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Jackson's mapper, made on a thread of its own from the first moment of {@code build()}: its classes are
 * initialised while the settings are read, the mapper is built once the settings give the body limit,
 * and then, once the route model is known, the serializers of the routes' result types (event-loop routes
 * first), so that a first response finds them in the mapper's cache. The JDK's parts the mapper needs
 * (calendar and locale data, {@code java.util.logging}, {@code java.time}'s formatters: ~0.1 s of a cold
 * start) are initialised on a second thread meanwhile, see {@link Json#initialiseJdkClasses()}.
 */
public final class JsonStart {
    private final CompletableFuture<Long> maxBodySize = new CompletableFuture<>();
    private final CompletableFuture<RouteModel> model = new CompletableFuture<>();
    private final CompletableFuture<ObjectMapper> mapper = new CompletableFuture<>();

    private JsonStart() {
    }

    /** Starts the thread; every start must be followed by {@link #maxBodySize} or {@link #abandon}. */
    public static JsonStart begin() {
        var s = new JsonStart();
        var t = new Thread(s::run, "brisk-init-json");
        t.setDaemon(true);
        t.start();
        var jdk = new Thread(JsonStart::initialiseJdk, "brisk-init-jdk");
        jdk.setDaemon(true);
        jdk.start();
        return s;
    }

    /** Never fails: the mapper's thread meets the same problem and reports it. */
    private static void initialiseJdk() {
        try {
            Json.initialiseJdkClasses();
        } catch (Throwable t) {
            Logs.LOG.debug("JDK classes for Jackson not initialised ahead", t);
        }
    }

    private void run() {
        try {
            Json.initialiseClasses();
            mapper.complete(Json.create(maxBodySize.get()));
        } catch (ExecutionException e) {
            mapper.completeExceptionally(e.getCause());   // abandoned: nobody waits
            return;
        } catch (Throwable t) {
            mapper.completeExceptionally(t);
            return;
        }
        warmUpWriters();
    }

    /** The limit the mapper's documents get (the server's body limit, from code or settings). */
    void maxBodySize(long bytes) {
        maxBodySize.complete(bytes);
    }

    /** The route model, or none when it failed: what the serializer warm-up works from. */
    void model(RouteModel m) {
        model.complete(m);
    }

    /** Ends the thread of a build that failed before it gave a body limit. */
    public void abandon() {
        maxBodySize.completeExceptionally(new IllegalStateException("the build failed"));
        model.complete(null);
    }

    /** The mapper; rethrows what made it fail. */
    ObjectMapper await() {
        try {
            return mapper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the app was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Never fails: a type Jackson cannot write is reported by its route's first response. */
    private void warmUpWriters() {
        try {
            RouteModel m = model.get();
            if (m == null) return;
            ObjectMapper om = mapper.get();
            var routes = new ArrayList<>(m.routes());
            routes.sort((a, b) -> Boolean.compare(b.async(), a.async()));   // event-loop routes first
            for (RouteDef r : routes) {
                if (!Endpoint.hasTypedWriter(r.resultType())) continue;
                try {
                    om.writerFor(om.constructType(r.resultType()));
                } catch (RuntimeException e) {
                    Logs.LOG.debug("no serializer for {} yet: {}", r.describe(), e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Logs.LOG.debug("serializer warm-up stopped", t);
        }
    }
}
