package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.HttpsRedirectFilter;

import java.util.List;

/**
 * Sends clients that came over plain HTTP to HTTPS: 308 Permanent Redirect (which keeps the method
 * and body, unlike 301) to the same host, path and query on {@code https://}.
 *
 * <pre>{@code
 * App.builder().middleware(HttpsRedirect.behindProxies("10.0.0.0/8"))
 * }</pre>
 *
 * <p>Brisk itself speaks plain HTTP; TLS is ended by a proxy or load balancer in front of it (nginx,
 * HAProxy, a cloud load balancer), which forwards each request with {@code X-Forwarded-Proto: https}
 * or {@code http}. A request counts as HTTPS only when that header says {@code https} (its last
 * value, the one the nearest proxy added) and the connection comes from one of the trusted proxies
 * (IP addresses or CIDR blocks, compared with the peer address); from anyone else the header is
 * ignored, since any client can send it. Every other request is redirected. The redirect names the
 * request's {@code Host} (register {@link TrustedHost} before this middleware so that only your hosts
 * are used) and the HTTPS port ({@link #httpsPort(int)}, default 443).
 *
 * <p>Instances are immutable: each method returns a new one.
 */
public final class HttpsRedirect implements Middleware {
    private final List<String> proxies;
    private final int httpsPort;

    private HttpsRedirect(List<String> proxies, int httpsPort) {
        this.proxies = proxies;
        this.httpsPort = httpsPort;
    }

    /**
     * Redirects every request that does not come, marked {@code X-Forwarded-Proto: https}, from one of
     * these proxies ({@code "10.0.0.0/8"}, {@code "127.0.0.1"}, {@code "::1"}; no host names). With
     * none, every request is redirected.
     */
    public static HttpsRedirect behindProxies(String... trustedProxies) {
        return new HttpsRedirect(List.of(trustedProxies), 443);
    }

    /** The port of the HTTPS endpoint the redirect names (default 443, then left out of the URL). */
    public HttpsRedirect httpsPort(int port) {
        return new HttpsRedirect(proxies, port);
    }

    /**
     * Brisk's filter for this configuration; applications do not call it.
     *
     * @throws StartupException for a proxy that is not an IP address or CIDR block, or a bad port
     */
    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new HttpsRedirectFilter(proxies, httpsPort);
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "HttpsRedirect[proxies=" + proxies + ", httpsPort=" + httpsPort + "]";
    }
}
