package dev.brisk.internal.model;

/**
 * A response a route declares besides its success ({@code @Responds}).
 *
 * @param status the HTTP status
 * @param description what it means for this route (never empty)
 * @param model the JSON body's type, or {@code null} for the default: {@code {"detail": ...}} for
 *              4xx and 5xx, no body otherwise
 */
public record ResponseDoc(int status, String description, Class<?> model) {
}
