package dev.brisk.internal.spi;

/**
 * Brisk's one extension point, found with {@link java.util.ServiceLoader} when an app is built
 * (e.g. the OpenAPI module). Not a public API: the extensions live in this repository.
 */
public interface Extension {
    /** Called once per app after its route model is built, before the routes are compiled. */
    void configure(ExtensionContext context);
}
