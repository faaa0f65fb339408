package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.dispatch.FilterAccess;

/**
 * Finds the {@link Filter} behind Brisk's own middleware ({@link Cors}, {@link GZip}, ...), which run in
 * the chain as synchronous filters rather than through {@link Middleware#handle}. The built-ins have no
 * common supertype but {@code Middleware}, so {@code List.of(cors, gzip)} is a {@code List<Middleware>}.
 */
final class Builtins {
    /** Test code in this package may offer a filter the same way. */
    interface Backed {
        Filter filter();
    }

    static {
        FilterAccess.install(Builtins::filterOf);
    }

    private Builtins() {
    }

    /** The filter of a built-in middleware, or null for a user's. */
    static Filter filterOf(Object m) {
        if (m instanceof Cors c) return c.filter();
        if (m instanceof GZip g) return g.filter();
        if (m instanceof TrustedHost t) return t.filter();
        if (m instanceof HttpsRedirect h) return h.filter();
        if (m instanceof RequestId r) return r.filter();
        if (m instanceof AccessLog a) return a.filter();
        if (m instanceof Backed b) return b.filter();
        return null;
    }

    static UnsupportedOperationException notCallable(Middleware m) {
        return new UnsupportedOperationException(m.getClass().getSimpleName()
                + " runs inside Brisk's middleware chain; register it with App.Builder.middleware(...) or @UseMiddleware");
    }
}
