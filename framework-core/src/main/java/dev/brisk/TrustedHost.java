package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.TrustedHostFilter;

import java.util.List;

/**
 * Refuses requests for hosts the app does not serve: a request whose {@code Host} header is missing,
 * malformed or not allowed gets 400 {@code {"detail":"Invalid host header"}}. This protects code that
 * builds absolute links, redirects or cache keys from the {@code Host} (password-reset links, say)
 * against a forged host.
 *
 * <pre>{@code
 * App.builder().middleware(TrustedHost.of("example.com", "*.example.com", "localhost"))
 * }</pre>
 *
 * <p>Names match case-insensitively; the port and a trailing dot are ignored. {@code *.example.com}
 * matches every subdomain of {@code example.com} but not {@code example.com} itself (list both).
 * IPv4 literals are given as they are ({@code 127.0.0.1}), IPv6 ones with or without brackets
 * ({@code ::1}) and compared as written, so give them as clients write them. {@code "*"} alone
 * allows every host (only a present, single {@code Host} is then required). An HTTP/1.0 request
 * without a {@code Host} is refused too: there is no host to trust. (HTTP/1.1 requests without
 * exactly one {@code Host} never reach the app; the server answers them 400.) Register it early,
 * before middleware that uses the host, such as {@link HttpsRedirect}.
 */
public final class TrustedHost implements Middleware {
    private final List<String> hosts;

    private TrustedHost(List<String> hosts) {
        this.hosts = hosts;
    }

    /** Allows these hosts: names, {@code *.} patterns or IP literals. */
    public static TrustedHost of(String... hosts) {
        return new TrustedHost(List.of(hosts));
    }

    /**
     * Brisk's filter for this configuration; applications do not call it.
     *
     * @throws StartupException for an entry that is not a host name, IP literal or {@code *.} pattern
     */
    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new TrustedHostFilter(hosts);
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "TrustedHost" + hosts;
    }
}
