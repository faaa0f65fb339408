package dev.brisk.internal.spi;

/**
 * Where the docs are served; a null path turns that page off.
 *
 * @param enabled {@code App.Builder.docs(boolean)}
 */
public record DocsConfig(boolean enabled, String openapiPath, String docsPath, String redocPath) {
}
