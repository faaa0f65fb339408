package dev.brisk.openapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.spi.RouteNotes;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The app's generated document, made on first use and kept in the app's own state (so it goes
 * away with the app); shared by {@code OpenApi.json(app)} and the served route.
 */
public final class DocumentCache {
    private final RouteModel model;
    private final ApiInfo api;
    private final java.util.function.Supplier<ObjectMapper> mapper;
    private final RouteNotes notes;
    private volatile Generated value;

    public DocumentCache(RouteModel model, ApiInfo api, java.util.function.Supplier<ObjectMapper> mapper, RouteNotes notes) {
        this.model = model;
        this.api = api;
        this.mapper = mapper;
        this.notes = notes;
    }

    /** The document and its JSON forms. */
    public record Generated(OpenAPI document, String json, String prettyJson, byte[] jsonBytes) {
    }

    public Generated get() {
        var v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) {
                OpenAPI doc = new DocumentBuilder(model, api, mapper.get(), NotesContributor.withNotes(notes)).build();
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
