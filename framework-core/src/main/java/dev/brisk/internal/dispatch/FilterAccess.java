package dev.brisk.internal.dispatch;

import java.util.function.Function;

/** Reaches the filters behind Brisk's public built-in middleware, which keep them package-private. */
public final class FilterAccess {
    private static volatile Function<Object, Filter> lookup;

    private FilterAccess() {
    }

    /** Installed by {@code dev.brisk.Builtins}. */
    public static void install(Function<Object, Filter> f) {
        lookup = f;
    }

    /** The filter behind {@code middleware}, or null when it is a user's. */
    static Filter filterOf(Object middleware) {
        var l = lookup;
        if (l == null) {
            try {
                Class.forName("dev.brisk.Builtins", true, FilterAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            l = lookup;
        }
        return l.apply(middleware);
    }
}
