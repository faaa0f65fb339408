package dev.brisk.cache.internal;

import dev.brisk.cache.internal.Flights.Compute;
import dev.brisk.cache.internal.Flights.Flight;
import dev.brisk.cache.internal.Flights.Outcome;
import dev.brisk.cache.internal.Flights.Shared;
import dev.brisk.cache.internal.Flights.Stored;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The cache's work on one {@code @Cached} route. {@link #beforeInvoke} (arguments bound, dependencies
 * solved) makes the key and answers from the cache, or joins a miss already in progress, or leads
 * a new one (the handler runs); {@link #afterResponse} stores the leader's response, hands it to
 * the waiters and adds the caching headers. A 304 answers a matching {@code If-None-Match}.
 */
final class CachedRoute implements RouteHook {
    static final AsciiString CACHE_STATUS = AsciiString.cached("cache-status");
    private static final AsciiString ETAG = HttpHeaderNames.ETAG;
    private static final AsciiString CACHE_CONTROL = HttpHeaderNames.CACHE_CONTROL;
    private static final AsciiString AGE = HttpHeaderNames.AGE;
    private static final AsciiString VARY = HttpHeaderNames.VARY;
    private static final String NAME = "Brisk";
    /** Response headers a hit replays without being asked to (besides the content type). */
    static final Set<String> STORED_HEADERS = Set.of("content-language", "content-disposition", "content-location", "last-modified", "link");

    private enum Mode { HIT, LEAD, ANSWERED, COMPUTE, NO_STORE }

    /** Per request, in {@link Call#attachment()}. */
    private static final class State {
        final KeyPlan.Key key;
        final Directives directives;
        Mode mode = Mode.COMPUTE;
        Flight flight;
        boolean backendDown;
        String detail;

        State(KeyPlan.Key key, Directives directives) {
            this.key = key;
            this.directives = directives;
        }
    }

    private final String route;
    private final String namespace;
    private final KeyPlan plan;
    private final long ttlMillis;
    private final long waitMillis;
    private final boolean[] statuses = new boolean[600];
    private final Set<String> storeHeaders;
    private final String[] varyTokens;
    private final AsciiString vary;
    private final Backend backend;
    private final Flights flights;
    private final Clock clock;

    CachedRoute(String route, String namespace, KeyPlan plan, long ttlMillis, long waitMillis, int[] statuses, Set<String> storeHeaders,
                Backend backend, Flights flights) {
        this.route = route;
        this.namespace = namespace;
        this.plan = plan;
        this.ttlMillis = ttlMillis;
        this.waitMillis = waitMillis;
        for (int s : statuses) this.statuses[s] = true;
        this.storeHeaders = storeHeaders;
        this.varyTokens = plan.vary() == null ? new String[0] : plan.vary().split(", ");
        this.vary = plan.vary() == null ? null : new AsciiString(plan.vary());
        this.backend = backend;
        this.flights = flights;
        this.clock = backend.clock();
    }

    // ------------------------------------------------------------------------------------ before the handler

    @Override
    public Object beforeInvoke(Call call, Object[] args) {
        RequestView req = call.request();
        String cc = req.headerValue(CACHE_CONTROL);
        if (cc != null) cc = String.join(",", req.headerMap().getAll(CACHE_CONTROL));
        var st = new State(plan.key(req, args), Directives.parse(cc, req.headerValue(HttpHeaderNames.PRAGMA)));
        call.attach(st);
        if (st.directives.noStore()) {
            st.mode = Mode.NO_STORE;
            return null;
        }
        Flight running = flights.get(st.key.canonical());
        if (running != null) return join(call, st, running);
        if (st.directives.refresh()) return lead(call, st);
        if (backend.synchronous()) {
            Entry e = backend.readNow(namespace, st.key.canonical());
            return e != null ? found(call, st, e) : lead(call, st);
        }
        return backend.read(namespace, st.key.canonical())
                .handle((e, t) -> {
                    if (t != null) {
                        st.backendDown = true;
                        return stage(lead(call, st));
                    }
                    return stage(e != null ? found(call, st, e) : lead(call, st));
                })
                .thenCompose(Function.identity());
    }

    /** Only an in-memory lookup is quick enough to try first on the event loop; a Redis read goes the usual way. */
    @Override
    public boolean answersOnLoop() {
        return backend.synchronous();
    }

    /**
     * A hit, answered on the event loop as the request arrives: no trip to a worker for what is a
     * lookup. Anything else (a miss, a request with cache directives) goes on to {@link #beforeInvoke}.
     */
    @Override
    public Reply onLoop(Call call, Object[] args) {
        RequestView req = call.request();
        if (req.headerValue(CACHE_CONTROL) != null || req.headerValue(HttpHeaderNames.PRAGMA) != null) return null;
        KeyPlan.Key key = plan.key(req, args);
        Entry e = backend.readNow(namespace, key.canonical());
        if (e == null) return null;
        var st = new State(key, Directives.NONE);
        st.mode = Mode.HIT;
        call.attach(st);
        return fromEntry(call, st, e, clock.millis(), null);
    }

    /** A fresh entry: a hit, unless the request wants a younger one. */
    private Object found(Call call, State st, Entry e) {
        long now = clock.millis();
        if (!st.directives.accepts(e.ageSeconds(now))) return lead(call, st);
        st.mode = Mode.HIT;
        return fromEntry(call, st, e, now, null);
    }

    /** Becomes the request that computes the key's response, or waits for the one already doing so. */
    private Object lead(Call call, State st) {
        var mine = new Flight();
        Flight other = flights.lead(st.key.canonical(), mine);
        if (other != null) return join(call, st, other);
        st.mode = Mode.LEAD;
        st.flight = mine;
        return null;
    }

    private CompletionStage<Reply> join(Call call, State st, Flight flight) {
        CompletableFuture<Outcome> f = flight.done;
        if (f.isDone() && !st.directives.refresh() && f.getNow(null) instanceof Stored s && !s.bypassed()) {
            // stored a moment ago, its write to the backend still under way: this is a hit
            st.mode = Mode.HIT;
            long now = clock.millis();
            return CompletableFuture.completedFuture(fromEntry(call, st, s.entry(), now, null));
        }
        if (!f.isDone()) f = f.copy().orTimeout(waitMillis, TimeUnit.MILLISECONDS);
        return f.handle((outcome, t) -> {
            if (t != null) {
                // The first request is taking too long: stop waiting for it, and let the next miss lead anew.
                flights.remove(st.key.canonical(), flight);
                st.mode = Mode.COMPUTE;
                st.detail = "wait-timeout";
                return null;
            }
            if (outcome instanceof Stored s) {
                st.mode = Mode.ANSWERED;
                String status = NAME + "; fwd=" + (s.bypassed() ? "bypass" : "uri-miss") + "; collapsed";
                return fromEntry(call, st, s.entry(), clock.millis(), status);
            }
            if (outcome instanceof Shared s) {
                st.mode = Mode.ANSWERED;
                return s.snapshot().reply().setHeader(CACHE_STATUS, NAME + "; fwd=uri-miss; collapsed");
            }
            st.mode = Mode.COMPUTE;
            return null;
        });
    }

    private static CompletionStage<Reply> stage(Object answer) {
        if (answer == null) return CompletableFuture.completedFuture(null);
        if (answer instanceof Reply r) return CompletableFuture.completedFuture(r);
        @SuppressWarnings("unchecked") var s = (CompletionStage<Reply>) answer;
        return s;
    }

    /**
     * The answer from an entry: its response with the caching headers, or 304 when {@code If-None-Match}
     * matches it. A hit ({@code cacheStatus} null) carries {@code Age} and {@code Cache-Status: Brisk; hit; ttl=N}.
     */
    private Reply fromEntry(Call call, State st, Entry e, long now, String cacheStatus) {
        Reply r;
        boolean notModified = Conditional.matches(call.request().headerValue(HttpHeaderNames.IF_NONE_MATCH), e.etag);
        if (!notModified && cacheStatus == null) {
            // A plain hit: the headers made for this second of the entry, the body shared.
            Body body = e.status == 204 || e.status == 304 ? Body.EMPTY : new Body.Bytes(e.bodyView());
            return Reply.prepared(e.status, body == Body.EMPTY ? null : e.contentTypeHeader(), body, e.hitHead(now, st.key.principal(), vary));
        }
        if (notModified) {
            r = Reply.empty(304);
        } else {
            r = e.status == 204 || e.status == 304 ? Reply.empty(e.status) : Reply.bytes(e.status, e.contentType, e.bodyView());
            for (int i = 0; i < e.names.length; i++) r.addHeader(e.names[i], e.values[i]);
        }
        r.addHeader(ETAG, e.etagHeader());
        r.addHeader(CACHE_CONTROL, e.cacheControl(st.key.principal()));
        Entry.HitHeaders hit = cacheStatus == null ? e.hitHeaders(now) : null;
        if (hit != null) r.addHeader(AGE, hit.age());
        if (vary != null) r.addHeader(VARY, vary);
        r.addHeader(CACHE_STATUS, hit != null ? hit.status() : cacheStatus);
        return r;
    }

    // ------------------------------------------------------------------------------------ after the handler

    @Override
    public Reply afterResponse(Call call, Reply reply) {
        if (!(call.attachment() instanceof State st)) return reply;   // not bound (a 422, a dependency's 401): never cached
        return switch (st.mode) {
            case HIT, ANSWERED -> reply;
            case NO_STORE -> reply.setHeader(CACHE_STATUS, NAME + "; fwd=request; detail=no-store");
            case COMPUTE -> reply.setHeader(CACHE_STATUS, NAME + "; fwd=uri-miss" + (st.detail == null ? "" : "; detail=" + st.detail));
            case LEAD -> led(call, st, reply);
        };
    }

    private Reply led(Call call, State st, Reply reply) {
        Flight f = st.flight;
        String key = st.key.canonical();
        Outcome outcome = Compute.INSTANCE;
        boolean removeNow = true;
        String fwd = st.backendDown ? "bypass" : st.directives.refresh() ? "request" : "uri-miss";
        try {
            String why = privateReason(reply);
            if (why == null && !statuses[reply.status()]) {
                why = "status";
                if (reply.body() instanceof Body.Bytes || reply.body() instanceof Body.Empty) outcome = new Shared(Snapshot.of(reply));
            }
            if (why != null) {
                return reply.setHeader(CACHE_STATUS, NAME + "; fwd=" + fwd + "; detail=" + why);
            }
            long now = clock.millis();
            Entry e = capture(reply, now);
            boolean tooLarge = e.body.length > backend.maxEntrySize();
            outcome = new Stored(e, st.backendDown);
            String status = NAME + "; fwd=" + fwd + (st.backendDown ? "; detail=backend-unavailable" : tooLarge ? "; detail=too-large" : "; stored");
            decorate(reply, e, st.key.principal(), status);
            f.done.complete(outcome);   // the waiters are answered now, before the write
            if (!st.backendDown && !tooLarge) {
                removeNow = false;
                backend.write(namespace, key, e, () -> flights.remove(key, f));
            }
            if (Conditional.matches(call.request().headerValue(HttpHeaderNames.IF_NONE_MATCH), e.etag)) notModified(reply);
            return reply;
        } finally {
            f.done.complete(outcome);
            if (removeNow) flights.remove(key, f);
        }
    }

    /**
     * Why a response must not be stored nor given to other requests, or null: a body that is not
     * complete bytes, a cookie, {@code no-store} or {@code private}, a {@code Vary} on a header the
     * key does not hold, or an encoding the key does not distinguish.
     */
    private String privateReason(Reply r) {
        return privateReason(r, plan.varyNames());
    }

    static String privateReason(Reply r, Set<String> keyHeaders) {
        Body b = r.body();
        if (b instanceof Body.Upgrade) return "upgrade";
        if (!(b instanceof Body.Bytes) && !(b instanceof Body.Empty)) return "streaming";
        if (r.header(HttpHeaderNames.SET_COOKIE) != null) return "set-cookie";
        for (CharSequence v : r.headers(CACHE_CONTROL)) {
            for (String d : v.toString().split(",")) {
                String t = d.trim().toLowerCase(Locale.ROOT);
                if (t.equals("no-store") || t.startsWith("no-store=")) return "no-store";
                if (t.equals("private") || t.startsWith("private=")) return "private";
            }
        }
        for (CharSequence v : r.headers(VARY)) {
            for (String name : v.toString().split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (!n.isEmpty() && !keyHeaders.contains(n)) return "vary";
            }
        }
        if (r.header(HttpHeaderNames.CONTENT_ENCODING) != null && !keyHeaders.contains("accept-encoding")) return "content-encoding";
        return null;
    }

    /** The entry for a storable reply: its body copied, the allow-listed headers, a strong ETag from the bytes. */
    private Entry capture(Reply r, long now) {
        byte[] body = Snapshot.bytes(r);
        int n = 0;
        var names = new String[r.headerCount()];
        var values = new String[r.headerCount()];
        for (int i = 0; i < r.headerCount(); i++) {
            String name = r.headerName(i).toString().toLowerCase(Locale.ROOT);
            boolean keep = STORED_HEADERS.contains(name) || storeHeaders.contains(name)
                    || name.equals("content-encoding") && plan.varyNames().contains("accept-encoding");
            if (!keep) continue;
            names[n] = name;
            values[n] = r.headerValue(i).toString();
            n++;
        }
        CharSequence ct = r.contentType();
        return new Entry(r.status(), ct == null ? null : ct.toString(), java.util.Arrays.copyOf(names, n), java.util.Arrays.copyOf(values, n),
                body, Hashing.etag(body), now, now + ttlMillis);
    }

    private void decorate(Reply r, Entry e, boolean principal, String cacheStatus) {
        r.setHeader(ETAG, e.etagHeader());
        r.setHeader(CACHE_CONTROL, e.cacheControl(principal));
        r.removeHeader(AGE);
        for (String t : varyTokens) r.addHeaderToken(VARY, t);
        r.setHeader(CACHE_STATUS, cacheStatus);
    }

    /** Turns a 200 into a 304 in place (its after-send work stays with it): no body, no content headers. */
    private static void notModified(Reply r) {
        r.body().discard();
        r.body(Body.EMPTY);
        r.status(304);
        r.contentType(null);
        for (String h : List.of("content-language", "content-disposition", "content-encoding", "content-range")) r.removeHeader(h);
    }

    /** The {@code Vary} of its responses, or null. */
    String vary() {
        return plan.vary();
    }

    boolean readsCredentials() {
        return plan.readsCredentials();
    }

    @Override
    public String toString() {
        return "@Cached " + route;
    }
}
