package dev.brisk.internal.model;

import java.util.List;

/** OpenAPI attributes of a route, from its annotation and router. */
public record RouteDoc(String summary, String description, List<String> tags, boolean deprecated,
                       String operationId, boolean hidden) {
}
