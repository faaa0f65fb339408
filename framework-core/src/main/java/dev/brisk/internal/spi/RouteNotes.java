package dev.brisk.internal.spi;

import dev.brisk.internal.model.RouteDef;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What extensions add to a route's documentation because of what they do to it at run time (e.g.
 * caching adds a 304 response and the headers it sets). Kept in the app's state
 * ({@code state(RouteNotes.class, RouteNotes::new)}); the OpenAPI module reads it when it builds the
 * document, after every extension was configured.
 */
public final class RouteNotes {
    private final Map<RouteDef, List<Note>> notes = new IdentityHashMap<>();

    /**
     * One extension's addition to a route.
     *
     * @param description a paragraph appended to the operation's description (Markdown)
     * @param requestHeaders header parameters the extension reads, by name, with their descriptions
     * @param successHeaders headers the extension sets on the route's success response, with descriptions
     * @param responses further responses the extension may answer with
     */
    public record Note(String description, Map<String, String> requestHeaders, Map<String, String> successHeaders,
                       List<Response> responses) {
        public Note {
            requestHeaders = Map.copyOf(requestHeaders);
            successHeaders = Map.copyOf(successHeaders);
            responses = List.copyOf(responses);
        }
    }

    /** A response an extension answers with, and the headers it carries. */
    public record Response(int status, String description, Map<String, String> headers) {
        public Response {
            headers = Map.copyOf(headers);
        }
    }

    /** Adds a note to {@code route} (a route of the app's model). */
    public synchronized void add(RouteDef route, Note note) {
        notes.computeIfAbsent(route, r -> new ArrayList<>(1)).add(note);
    }

    /** The notes of {@code route}, in the order they were added. */
    public synchronized List<Note> of(RouteDef route) {
        var list = notes.get(route);
        return list == null ? List.of() : List.copyOf(list);
    }
}
