package dev.brisk.internal.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.json.Json;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.internal.json.PlainJson;

import java.lang.reflect.Type;
import java.util.List;
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
 * {@link PlainJson} does not write are made too (as the compiled routes list them, event-loop routes first),
 * so that a first response finds them in the mapper's cache.
 */
public final class JsonStart implements JsonSupport {
    private final CompletableFuture<List<Type>> writerTypes = new CompletableFuture<>();
    private final CompletableFuture<ObjectMapper> mapper = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile JsonFactory factory;

    private JsonStart() {
    }

    /** No thread yet; the body limit ({@link #maxBodySize}) comes before anything asks for the mapper. */
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
            mapper.complete(Json.create(factory()));
        } catch (Throwable t) {
            mapper.completeExceptionally(t);
            return;
        }
        warmUpWriters();
    }

    /** The limit the app's documents get (the server's body limit, from code or settings): makes the factory. */
    void maxBodySize(long bytes) {
        factory = Json.factory(bytes);
    }

    /** The result types the mapper writes (event-loop routes' first): what the serializer warm-up makes. */
    void writerTypes(List<Type> types) {
        writerTypes.complete(types);
    }

    /** A build that failed: nothing for the serializer warm-up (a mapper's thread an extension started ends). */
    public void abandon() {
        writerTypes.complete(List.of());
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
            ObjectMapper om = mapper.get();
            for (Type t : writerTypes.get()) {
                try {
                    om.writerFor(om.constructType(t));
                } catch (RuntimeException e) {
                    Logs.LOG.debug("no serializer for {} yet: {}", t.getTypeName(), e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Logs.LOG.debug("serializer warm-up stopped", t);
        }
    }
}
