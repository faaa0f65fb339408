package dev.brisk.internal.model;

import java.util.List;

/**
 * OpenAPI attributes of a route, from its annotation and router.
 *
 * @param responses the statuses it declares besides its success ({@code @Responds}), in status order
 */
public record RouteDoc(String summary, String description, List<String> tags, boolean deprecated,
                       String operationId, boolean hidden, List<ResponseDoc> responses) {

    public RouteDoc {
        responses = List.copyOf(responses);
    }

    /** Without declared responses. */
    public RouteDoc(String summary, String description, List<String> tags, boolean deprecated, String operationId, boolean hidden) {
        this(summary, description, tags, deprecated, operationId, hidden, List.of());
    }
}
