package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.CorsFilter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Cross-origin resource sharing: lets pages of other origins call the app from a browser.
 *
 * <pre>{@code
 * App.builder()
 *    .middleware(Cors.allowOrigins("https://app.example.com")
 *            .allowMethods("GET", "POST")
 *            .allowHeaders("X-Token")
 *            .allowCredentials(true))
 * }</pre>
 *
 * <p>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * answered by the middleware itself and never reaches a route: 204 with the {@code Access-Control-Allow-*}
 * headers when origin, method and headers are allowed, else 400 without them. Other responses (errors
 * included) get {@code Access-Control-Allow-Origin} (and {@code -Credentials}, {@code -Expose-Headers})
 * when their {@code Origin} is allowed, nothing when it is not, and {@code Vary: Origin} whenever the
 * answer depends on the origin. Register it with {@link App.Builder#middleware}: preflights have no
 * route, so router or route middleware never see them.
 *
 * <p>Origins are written as browsers send them: {@code scheme://host[:port]}, without path or
 * trailing slash and without the default port. A pattern has a leading {@code *.} in the host
 * ({@code https://*.example.com}: any subdomain, not {@code example.com} itself) and/or the port
 * {@code *} ({@code http://localhost:*}: any port or none); {@code "*"} alone allows every origin.
 * Unsafe or malformed settings fail startup with a {@link StartupException}: {@code "*"} or
 * {@code "null"} with credentials, malformed origins, too broad patterns ({@code https://*.com}).
 *
 * <p>Instances are immutable: each method returns a new one.
 */
public final class Cors implements Middleware {
    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final List<String> expose;
    private final boolean credentials;
    private final Duration maxAge;

    private Cors(List<String> origins, List<String> methods, List<String> headers, List<String> expose,
                 boolean credentials, Duration maxAge) {
        this.origins = origins;
        this.methods = methods;
        this.headers = headers;
        this.expose = expose;
        this.credentials = credentials;
        this.maxAge = maxAge;
    }

    /**
     * CORS for these origins (exact, patterns, or {@code "*"} for all). Defaults: methods
     * {@code GET, HEAD, POST}; request headers: only the CORS-safelisted ones and {@code Content-Type};
     * nothing exposed; no credentials; preflights cached for 600 s.
     */
    public static Cors allowOrigins(String... origins) {
        return new Cors(List.of(origins), List.of("GET", "HEAD", "POST"), List.of(), List.of(), false, Duration.ofSeconds(600));
    }

    /** The methods a preflight may ask for (replacing the default), or {@code "*"} for any. */
    public Cors allowMethods(String... methods) {
        return new Cors(origins, List.of(methods), headers, expose, credentials, maxAge);
    }

    /**
     * The request headers a preflight may ask for, case-insensitive, or {@code "*"} for any (then the
     * requested ones are echoed, which also works with credentials). {@code Accept},
     * {@code Accept-Language}, {@code Content-Language} and {@code Content-Type} are always allowed.
     */
    public Cors allowHeaders(String... headers) {
        return new Cors(origins, methods, List.of(headers), expose, credentials, maxAge);
    }

    /** Response headers that scripts may read besides the safelisted ones ({@code Access-Control-Expose-Headers}). */
    public Cors exposeHeaders(String... headers) {
        return new Cors(origins, methods, this.headers, List.of(headers), credentials, maxAge);
    }

    /** Whether requests with cookies or HTTP authentication are allowed ({@code Access-Control-Allow-Credentials: true}). */
    public Cors allowCredentials(boolean allow) {
        return new Cors(origins, methods, headers, expose, allow, maxAge);
    }

    /** How long browsers may cache a preflight's answer ({@code Access-Control-Max-Age}, whole seconds; browsers cap it, Chrome at 2 h). */
    public Cors maxAge(Duration maxAge) {
        return new Cors(origins, methods, headers, expose, credentials, Objects.requireNonNull(maxAge, "maxAge"));
    }

    /**
     * Brisk's filter for this configuration; applications do not call it.
     *
     * @throws StartupException when the configuration is unsafe or malformed
     */
    /** The allowed origins, as given (the WebSocket Origin check shares them). */
    List<String> origins() {
        return origins;
    }

    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new CorsFilter(origins, methods, headers, expose, credentials, maxAge);
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "Cors" + origins;
    }
}
