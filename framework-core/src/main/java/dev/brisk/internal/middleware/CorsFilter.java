package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CORS middleware (Fetch standard, "CORS protocol"). Preflights ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) are answered here, 204 when allowed and
 * 400 when not, and never reach a route. Every other response gets the CORS headers when its
 * {@code Origin} is allowed, and {@code Vary: Origin} whenever the answer depends on the origin.
 * Everything is checked and pre-encoded at startup; a request costs a header lookup or two.
 */
public final class CorsFilter implements Filter {
    private static final AsciiString ACAO = HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN;
    private static final AsciiString ACAC = HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS;
    private static final AsciiString ACAM = HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS;
    private static final AsciiString ACAH = HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS;
    private static final AsciiString ACEH = HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS;
    private static final AsciiString ACMA = HttpHeaderNames.ACCESS_CONTROL_MAX_AGE;
    private static final AsciiString ACRM = HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD;
    private static final AsciiString ACRH = HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS;
    private static final AsciiString ORIGIN = HttpHeaderNames.ORIGIN;
    private static final AsciiString VARY = HttpHeaderNames.VARY;
    private static final AsciiString ORIGIN_TOKEN = AsciiString.cached("Origin");
    private static final AsciiString STAR = AsciiString.cached("*");
    private static final AsciiString TRUE = AsciiString.cached("true");
    /** Request headers a browser may send without asking (Content-Type with a JSON value does ask: it is always allowed, as in Starlette). */
    private static final List<String> SAFELISTED = List.of("Accept", "Accept-Language", "Content-Language", "Content-Type");

    /** {@code *} without credentials: the same answer for every origin, so no {@code Vary}. */
    private final boolean anyOrigin;
    private final boolean nullOrigin;
    private final OriginMatcher origins;
    private final boolean credentials;
    private final boolean anyMethod;
    private final String[] methods;
    private final AsciiString methodsValue;
    private final boolean anyHeader;
    private final String[] headers;
    private final AsciiString headersValue;
    private final AsciiString exposeValue;
    private final AsciiString maxAgeValue;
    private final AsciiString preflightVary;

    /**
     * @throws StartupException for an unsafe or malformed configuration
     */
    public CorsFilter(List<String> origins, List<String> methods, List<String> headers, List<String> expose,
                      boolean credentials, Duration maxAge) {
        this.credentials = credentials;
        if (origins.isEmpty()) throw new StartupException("Cors: no origins given; name them, e.g. Cors.allowOrigins(\"https://app.example.com\")");
        var specs = new ArrayList<String>();
        boolean star = false;
        boolean nullOrigin = false;
        for (String o : origins) {
            if (o == null) throw new StartupException("Cors: origins must not contain null");
            if (o.equals("*")) {
                star = true;
            } else if (o.equals("null")) {
                if (credentials) {
                    throw new StartupException("Cors: the origin \"null\" with allowCredentials(true) would let any sandboxed page or"
                            + " local file make credentialed requests; remove \"null\" or the credentials");
                }
                nullOrigin = true;
            } else {
                specs.add(o);
            }
        }
        if (star && (nullOrigin || !specs.isEmpty())) {
            throw new StartupException("Cors: \"*\" allows every origin; give it alone, or list the origins without it");
        }
        if (star && credentials) {
            throw new StartupException("Cors: allowOrigins(\"*\") with allowCredentials(true) would let every site make credentialed"
                    + " requests (browsers refuse \"*\" with credentials, and reflecting the origin instead is unsafe); list the origins");
        }
        this.anyOrigin = star;
        this.nullOrigin = nullOrigin;
        this.origins = OriginMatcher.of(specs);   // the same rules as the WebSocket Origin check

        var m = Tokens.checkedTokens("Cors", "method", methods, false);
        this.anyMethod = m.contains("*");
        if (anyMethod && m.size() > 1) throw new StartupException("Cors: method \"*\" allows every method; give it alone");
        if (m.isEmpty()) throw new StartupException("Cors: allowMethods() needs at least one method (or \"*\")");
        var upper = m.stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        this.methods = upper.toArray(String[]::new);
        this.methodsValue = anyMethod ? null : Tokens.joined(upper);

        var h = Tokens.checkedTokens("Cors", "header", headers, true);
        this.anyHeader = h.contains("*");
        if (anyHeader && h.size() > 1) throw new StartupException("Cors: header \"*\" allows every request header; give it alone");
        var allowed = new ArrayList<>(SAFELISTED);
        for (String x : h) if (allowed.stream().noneMatch(x::equalsIgnoreCase)) allowed.add(x);
        this.headers = anyHeader ? new String[0] : allowed.toArray(String[]::new);
        this.headersValue = anyHeader ? null : Tokens.joined(allowed);

        var e = Tokens.checkedTokens("Cors", "exposed header", expose, true);
        if (e.contains("*") && credentials) {
            throw new StartupException("Cors: exposeHeaders(\"*\") does not work with credentials (browsers then read it as a header"
                    + " named \"*\"); list the headers to expose");
        }
        if (e.contains("*") && e.size() > 1) throw new StartupException("Cors: exposed header \"*\" exposes every header; give it alone");
        this.exposeValue = e.isEmpty() ? null : Tokens.joined(e);

        if (maxAge == null || maxAge.isNegative()) throw new StartupException("Cors: maxAge must be zero or positive: " + maxAge);
        this.maxAgeValue = AsciiString.cached(Long.toString(maxAge.getSeconds()));

        var vary = new ArrayList<String>();
        if (!anyOrigin) vary.add("Origin");
        if (anyMethod) vary.add("Access-Control-Request-Method");
        if (anyHeader) vary.add("Access-Control-Request-Headers");
        this.preflightVary = vary.isEmpty() ? null : Tokens.joined(vary);
    }

    @Override
    public Reply before(Call call) {
        RequestView req = call.request();
        if (!"OPTIONS".equals(req.method())) return null;
        String origin = req.headerValue(ORIGIN);
        if (origin == null) return null;
        String method = req.headerValue(ACRM);
        if (method == null) return null;   // a plain OPTIONS request: it goes to the routes
        return preflight(call, origin, method.trim(), req.headerValue(ACRH));
    }

    private Reply preflight(Call call, String origin, String method, String requested) {
        boolean originOk = allowed(origin);
        boolean methodOk = anyMethod ? Tokens.isToken(method) : contains(methods, method);
        boolean headersOk = requested == null || headersAllowed(requested);
        if (!originOk || !methodOk || !headersOk) {
            var failed = new StringBuilder("Disallowed CORS ");
            if (!originOk) failed.append("origin");
            if (!methodOk) failed.append(originOk ? "" : ", ").append("method");
            if (!headersOk) failed.append(originOk && methodOk ? "" : ", ").append("headers");
            Reply r = Replies.detail(call.request().connection().alloc(), 400, failed.toString());
            if (!anyOrigin) r.addHeader(VARY, ORIGIN_TOKEN);
            return r;
        }
        Reply r = Reply.empty(204);
        r.addHeader(ACAO, anyOrigin ? STAR : origin);
        if (credentials) r.addHeader(ACAC, TRUE);
        r.addHeader(ACAM, anyMethod ? method : methodsValue);
        if (!anyHeader) {
            r.addHeader(ACAH, headersValue);
        } else if (requested != null && !requested.isBlank()) {
            r.addHeader(ACAH, requested.trim());   // every name checked as a token above
        }
        r.addHeader(ACMA, maxAgeValue);
        if (preflightVary != null) r.addHeader(VARY, preflightVary);
        return r;
    }

    @Override
    public Reply after(Call call, Reply reply) {
        if (anyOrigin) {
            // The same answer with or without an Origin, as the Fetch standard advises for "*": no Vary needed.
            reply.setHeader(ACAO, STAR);
            if (exposeValue != null) reply.setHeader(ACEH, exposeValue);
            return reply;
        }
        reply.addHeaderToken(VARY, ORIGIN_TOKEN);
        String origin = call.request().headerValue(ORIGIN);
        if (origin != null && allowed(origin)) {
            reply.setHeader(ACAO, origin);   // an allowed origin, never an arbitrary one
            if (credentials) reply.setHeader(ACAC, TRUE);
            if (exposeValue != null) reply.setHeader(ACEH, exposeValue);
        }
        return reply;
    }

    boolean allowed(String origin) {
        return anyOrigin || nullOrigin && origin.equals("null") || origins.matches(origin);
    }

    private static boolean contains(String[] list, String value) {
        for (String s : list) if (s.equals(value)) return true;
        return false;
    }

    /** Each name of {@code Access-Control-Request-Headers} is a token, and allowed. */
    private boolean headersAllowed(String list) {
        int n = list.length();
        int i = 0;
        while (i < n) {
            while (i < n && (Tokens.isSpace(list.charAt(i)) || list.charAt(i) == ',')) i++;
            if (i == n) break;
            int start = i;
            while (i < n && list.charAt(i) != ',') i++;
            int end = i;
            while (end > start && Tokens.isSpace(list.charAt(end - 1))) end--;
            if (!Tokens.isToken(list, start, end)) return false;
            if (!anyHeader && !allowedHeader(list, start, end)) return false;
        }
        return true;
    }

    private boolean allowedHeader(String list, int start, int end) {
        int len = end - start;
        for (String h : headers) {
            if (h.length() == len && h.regionMatches(true, 0, list, start, len)) return true;
        }
        return false;
    }
}
