package dev.brisk.openapi.internal;

import dev.brisk.internal.model.RouteDef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;

import java.util.List;

/**
 * A part of the document that the route model gives only through a closer look: security adds
 * {@code components.securitySchemes} in {@link #document} and an operation's {@code security} in
 * {@link #operation} (from the route's providers, e.g. a bearer-token dependency). Add
 * implementations to {@link #all()}; a contributor may keep state for the one document it helps build.
 */
interface DocumentContributor {
    /** Fresh contributors for one document, in order. */
    static List<DocumentContributor> all() {
        return List.of(new SecurityContributor());
    }

    /** Called for each documented operation, after the builder has filled it in. */
    default void operation(RouteDef route, Operation operation, OpenAPI document) {
    }

    /** Called once, after all operations and component schemas are in place. */
    default void document(OpenAPI document) {
    }
}
