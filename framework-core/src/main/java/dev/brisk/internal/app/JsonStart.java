package dev.brisk.internal.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.dispatch.Endpoint;
import dev.brisk.internal.json.Json;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.internal.json.PlainJson;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Jackson for one app. The streaming factory is made as soon as the settings give the body limit; databind's
 * mapper (~0.1 s of CPU in a cold JVM: its classes, the JDK's calendar and locale data its default date format
 * loads, {@code java.util.logging} for Blackbird) only once {@link #start} is called: at once when the route
 * model has a route that needs it, otherwise in the background after the app has begun to serve, or by the first
 * caller of {@link #mapper()}. It is made on a thread of its own, with the JDK's parts on a second one
 * ({@link Json#initialiseJdkClasses()}), and then the serializers of the routes' result types that
 * {@link PlainJson} does not write are made too (event-loop routes first), so that a first response finds
 * them in the mapper's cache.
 */
public final class JsonStart implements JsonSupport {
    private final CompletableFuture<Long> maxBodySize = new CompletableFuture<>();
    private final CompletableFuture<RouteModel> model = new CompletableFuture<>();
    private final CompletableFuture<ObjectMapper> mapper = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile JsonFactory factory;

    private JsonStart() {
    }

    /** No thread yet; every one must be followed by {@link #maxBodySize} or {@link #abandon}. */
    public static JsonStart prepare() {
        return new JsonStart();
    }

    /** Begins making the mapper, on threads of their own; later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) return;
        var t = new Thread(this::run, "brisk-init-json");
        t.setDaemon(true);
        t.start();
        var jdk = new Thread(JsonStart::initialiseJdk, "brisk-init-jdk");
        jdk.setDaemon(true);
        jdk.start();
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
            maxBodySize.get();
            mapper.complete(Json.create(factory));
        } catch (ExecutionException e) {
            mapper.completeExceptionally(e.getCause());   // abandoned: nobody waits
            return;
        } catch (Throwable t) {
            mapper.completeExceptionally(t);
            return;
        }
        warmUpWriters();
    }

    /** The limit the app's documents get (the server's body limit, from code or settings): makes the factory. */
    void maxBodySize(long bytes) {
        factory = Json.factory(bytes);
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

    @Override
    public JsonFactory factory() {
        JsonFactory f = factory;
        if (f == null) throw new IllegalStateException("the JSON factory is made once the body limit is known");
        return f;
    }

    @Override
    public boolean mapperMade() {
        return mapper.isDone() && !mapper.isCompletedExceptionally();
    }

    /** The mapper, started if it was not; rethrows what made it fail. */
    @Override
    public ObjectMapper mapper() {
        if (mapper.isDone()) return mapper.join();
        start();
        try {
            return mapper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Jackson's mapper was being made", e);
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
                if (!Endpoint.hasTypedWriter(r.resultType()) || PlainJson.isPlain(r.resultType())) continue;
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
