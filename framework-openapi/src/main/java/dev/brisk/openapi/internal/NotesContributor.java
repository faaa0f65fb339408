package dev.brisk.openapi.internal;

import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.spi.RouteNotes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds what extensions noted about a route ({@link RouteNotes}: e.g. caching's 304 and its headers)
 * to the route's operation.
 */
final class NotesContributor implements DocumentContributor {
    private final RouteNotes notes;

    private NotesContributor(RouteNotes notes) {
        this.notes = notes;
    }

    /** {@link DocumentContributor#all()}, then the notes of {@code notes}. */
    static List<DocumentContributor> withNotes(RouteNotes notes) {
        var all = new ArrayList<>(DocumentContributor.all());
        all.add(new NotesContributor(notes));
        return List.copyOf(all);
    }

    @Override
    public void operation(RouteDef route, Operation op, OpenAPI document) {
        for (var note : notes.of(route)) {
            if (!note.description().isEmpty()) {
                op.description(op.getDescription() == null ? note.description() : op.getDescription() + "\n\n" + note.description());
            }
            new TreeMap<>(note.requestHeaders()).forEach((name, text) -> {
                boolean present = op.getParameters() != null && op.getParameters().stream()
                        .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
                if (!present) {
                    op.addParametersItem(new Parameter().in("header").name(name).required(false).description(text)
                            .schema(new JsonSchema().typesItem("string")));
                }
            });
            ApiResponses responses = op.getResponses();
            if (responses == null) op.responses(responses = new ApiResponses());
            ApiResponse ok = responses.get(String.valueOf(route.status()));
            if (ok != null) addHeaders(ok, note.successHeaders());
            for (var r : note.responses()) {
                String code = String.valueOf(r.status());
                ApiResponse res = responses.get(code);
                if (res == null) responses.addApiResponse(code, res = new ApiResponse().description(r.description()));
                addHeaders(res, r.headers());
            }
        }
    }

    private static void addHeaders(ApiResponse res, Map<String, String> headers) {
        new TreeMap<>(headers).forEach((name, text) -> {
            if (res.getHeaders() == null || !res.getHeaders().containsKey(name)) {
                res.addHeaderObject(name, new Header().description(text).schema(new JsonSchema().typesItem("string")));
            }
        });
    }
}
