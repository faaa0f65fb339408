package dev.brisk.openapi.internal;

import dev.brisk.internal.model.RouteDef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;

import java.util.List;

/**
 * A part of the document that the route model does not give by itself. Security is the intended
 * first one: it adds {@code components.securitySchemes} in {@link #document} and an operation's
 * {@code security} in {@link #operation} (from the route's providers, e.g. a bearer-token
 * dependency). Add implementations to {@link #ALL}.
 */
interface DocumentContributor {
    /** The contributors every document is built with, in order. */
    List<DocumentContributor> ALL = List.of();

    /** Called for each documented operation, after the builder has filled it in. */
    default void operation(RouteDef route, Operation operation, OpenAPI document) {
    }

    /** Called once, after all operations and component schemas are in place. */
    default void document(OpenAPI document) {
    }
}
