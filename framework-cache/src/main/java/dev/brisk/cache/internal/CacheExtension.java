package dev.brisk.cache.internal;

import dev.brisk.StartupException;
import dev.brisk.cache.Cache;
import dev.brisk.cache.Cached;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;
import dev.brisk.internal.spi.RouteNotes;

import java.time.Duration;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plugs caching into an app: finds its {@link Cached} routes, checks their settings (a mistake
 * fails startup naming the route), gives each a {@link CachedRoute} hook, opens the cache at
 * startup and closes it at shutdown, and notes the caching in the routes' OpenAPI operations. The
 * cache is the one given to {@code App.Builder.provide(Cache.class, ...)}, else one in memory.
 */
public final class CacheExtension implements Extension {
    /** Statuses RFC 9110 15.1 lets a cache store without explicit freshness ("heuristically cacheable"), minus 206. */
    static final Set<Integer> STORABLE = Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);
    private static final Duration MAX_TTL = Duration.ofDays(365);

    @Override
    public void configure(ExtensionContext ctx) {
        Optional<Cache> provided = providedCache(ctx);
        var cached = new java.util.ArrayList<RouteDef>();
        for (RouteDef r : ctx.model().routes()) {
            if (r.method() == null) continue;
            var onMethod = r.method().getAnnotation(Cached.class);
            if (onMethod == null && r.annotation(Cached.class).isEmpty()) continue;
            if (!r.httpMethod().equals("GET")) {
                if (onMethod != null) {
                    throw new StartupException("@Cached on " + r.describe() + ": only GET routes are cached (HEAD is served from them)");
                }
                continue;   // on a router: its other routes are not cached
            }
            cached.add(r);
        }
        var app = ctx.state(AppCache.class, () -> new AppCache(() -> provided.orElseGet(Cache::inMemory)));
        if (cached.isEmpty() && provided.isEmpty()) return;

        Backend backend = app.backend();
        var notes = ctx.state(RouteNotes.class, RouteNotes::new);
        Map<RouteDef, RouteHook> hooks = new IdentityHashMap<>();
        for (RouteDef r : cached) {
            Cached c = r.annotation(Cached.class).orElseThrow();
            var hook = compile(r, c, backend, app.flights);
            hooks.put(r, hook);
            notes.add(r, note(c, hook));
        }
        ctx.routeHook(def -> Optional.ofNullable(hooks.get(def)));
        ctx.lifecycle(backend::open, backend::close);
    }

    private static Optional<Cache> providedCache(ExtensionContext ctx) {
        Cache found = null;
        for (ProviderDef p : ctx.model().providers()) {
            if (p.type() != Cache.class) continue;
            if (p.singleton() == null) {
                throw new StartupException("the cache of @Cached routes is given with App.Builder.provide(Cache.class, ...), not by "
                        + p.describe());
            }
            found = (Cache) p.singleton();
        }
        return Optional.ofNullable(found);
    }

    private static CachedRoute compile(RouteDef r, Cached c, Backend backend, Flights flights) {
        String where = "@Cached on " + r.describe();
        Duration ttl = duration(c.ttl(), where + ": ttl");
        if (ttl.compareTo(MAX_TTL) > 0) throw new StartupException(where + ": ttl " + c.ttl() + " is longer than a year");
        if (ttl.toMillis() < 1) throw new StartupException(where + ": ttl must be at least 1ms, not " + c.ttl());
        Duration wait = duration(c.waitTimeout(), where + ": waitTimeout");
        if (wait.toMillis() < 1) throw new StartupException(where + ": waitTimeout must be at least 1ms, not " + c.waitTimeout());
        String ns;
        try {
            ns = Names.checkNamespace(c.namespace());
        } catch (IllegalArgumentException e) {
            throw new StartupException(where + ": " + e.getMessage());
        }
        if (c.statuses().length == 0) throw new StartupException(where + ": statuses is empty");
        for (int s : c.statuses()) {
            if (!STORABLE.contains(s)) {
                throw new StartupException(where + ": status " + s + " is not one a cache may store; use some of " + new java.util.TreeSet<>(STORABLE));
            }
        }
        var store = new LinkedHashSet<String>();
        for (String h : c.storeHeaders()) {
            String name = h.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || List.of("set-cookie", "cache-control", "etag", "age", "vary", "cache-status", "content-length",
                    "transfer-encoding", "connection", "date").contains(name)) {
                throw new StartupException(where + ": storeHeaders cannot name \"" + h + "\"" + (name.isEmpty() ? ""
                        : " (the cache never stores it, or sets it itself)"));
            }
            store.add(name);
        }
        KeyPlan plan = KeyPlan.compile(r, c, ns);
        return new CachedRoute(r.describe(), ns, plan, ttl.toMillis(), wait.toMillis(), Arrays.stream(c.statuses()).distinct().toArray(),
                Set.copyOf(store), backend, flights);
    }

    private static Duration duration(String text, String what) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new StartupException(what + ": " + e.getMessage());
        }
    }

    /** What the OpenAPI operation says about the caching. */
    private static RouteNotes.Note note(Cached c, CachedRoute hook) {
        String ttl = human(Durations.parse(c.ttl()));
        String description = "Cached for " + ttl + (hook.readsCredentials() ? " per caller (the credentials are part of the key)" : "")
                + ". A request with `If-None-Match` naming the current `ETag` gets `304 Not Modified`; `Cache-Control: no-cache` "
                + "recomputes the response and `no-store` bypasses the cache.";
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ETag", "A strong tag of the body; send it back in If-None-Match.");
        headers.put("Cache-Control", "max-age=<seconds the response is cached for>" + (hook.readsCredentials() ? " (private when the request carries credentials)" : "") + ".");
        headers.put("Age", "Seconds since the response was cached (on a hit).");
        headers.put("Cache-Status", "How the cache handled the request (RFC 9211): hit, or why it forwarded.");
        if (hook.vary() != null) headers.put("Vary", "The request headers the cached response depends on: " + hook.vary() + ".");
        var notModified = new java.util.LinkedHashMap<String, String>();
        notModified.put("ETag", headers.get("ETag"));
        notModified.put("Cache-Control", headers.get("Cache-Control"));
        if (hook.vary() != null) notModified.put("Vary", headers.get("Vary"));
        return new RouteNotes.Note(description,
                Map.of("If-None-Match", "ETags of responses the client has; a match gets 304 Not Modified.",
                        "Cache-Control", "no-cache (or max-age=0) recomputes the response, no-store bypasses the cache."),
                headers, List.of(new RouteNotes.Response(304, "Not Modified", notModified)));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) return plural(ms / 86_400_000, "day");
        if (ms % 3_600_000 == 0) return plural(ms / 3_600_000, "hour");
        if (ms % 60_000 == 0) return plural(ms / 60_000, "minute");
        if (ms % 1000 == 0) return plural(ms / 1000, "second");
        return ms + " ms";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
