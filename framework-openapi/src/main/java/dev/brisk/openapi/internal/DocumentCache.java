package dev.brisk.openapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.AppRuntime;
import dev.brisk.internal.Settings;
import dev.brisk.internal.model.RouteModel;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;

import java.io.UncheckedIOException;
import java.lang.ref.ReferenceQueue;
import java.nio.charset.StandardCharsets;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * One generated document per app, shared by {@code OpenApi.json(app)} and the served route.
 * Keyed weakly by the identity of the app's route model; an entry holds only the results, never
 * the model, so an app that is gone takes its entry with it.
 */
public final class DocumentCache {
    private static final Map<Key, Entry> ENTRIES = new HashMap<>();
    private static final ReferenceQueue<RouteModel> QUEUE = new ReferenceQueue<>();

    private DocumentCache() {
    }

    /** The cached document of a running app. */
    public static Generated of(AppRuntime rt) {
        return of(rt.model(), rt.settings(), rt.mapper());
    }

    /** The cached document of the app that owns {@code model}. */
    public static Generated of(RouteModel model, Settings settings, ObjectMapper mapper) {
        Entry entry;
        synchronized (ENTRIES) {
            expunge();
            entry = ENTRIES.computeIfAbsent(new Key(model, QUEUE), k -> new Entry());
        }
        return entry.get(model, settings, mapper);
    }

    private static void expunge() {
        for (Object k; (k = QUEUE.poll()) != null; ) ENTRIES.remove(k);
    }

    /** The document and its JSON forms. */
    public record Generated(OpenAPI document, String json, String prettyJson, byte[] jsonBytes) {
    }

    private static final class Entry {
        private volatile Generated value;

        Generated get(RouteModel model, Settings settings, ObjectMapper mapper) {
            var v = value;
            if (v != null) return v;
            synchronized (this) {
                if (value == null) {
                    OpenAPI doc = new DocumentBuilder(model, settings, mapper).build();
                    try {
                        String json = Json31.mapper().writeValueAsString(doc);
                        value = new Generated(doc, json, Json31.pretty().writeValueAsString(doc), json.getBytes(StandardCharsets.UTF_8));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return value;
            }
        }
    }

    /** Identity of a route model, held weakly. */
    private static final class Key extends WeakReference<RouteModel> {
        private final int hash;

        Key(RouteModel model, ReferenceQueue<RouteModel> queue) {
            super(model, queue);
            this.hash = System.identityHashCode(model);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key k)) return false;
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }
}
