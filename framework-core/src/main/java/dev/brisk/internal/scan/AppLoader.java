package dev.brisk.internal.scan;

import java.util.Optional;

/**
 * The class loader of the app's own classes when it is not Brisk's: the thread's context loader,
 * if it delegates to the loader that holds Brisk (a dev-mode generation, an application server's
 * per-app loader). Scanning and extension lookup then read the app's classes from it, not stale or
 * missing copies from Brisk's loader. Otherwise empty: the default lookups apply unchanged.
 */
public final class AppLoader {
    private AppLoader() {
    }

    public static Optional<ClassLoader> child() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = AppLoader.class.getClassLoader();
        if (context == null || context == own) return Optional.empty();
        for (ClassLoader l = context.getParent(); l != null; l = l.getParent()) {
            if (l == own) return Optional.of(context);
        }
        return Optional.empty();
    }

    /** The loader to find {@code ServiceLoader} providers with: the app's child loader, or {@code fallback}'s. */
    public static ClassLoader forServices(Class<?> fallback) {
        return child().orElse(fallback.getClassLoader());
    }
}
