package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.util.List;

/**
 * Redirects plain-HTTP requests to HTTPS with 308 (method and body kept). Brisk speaks plain HTTP
 * only, so a request counts as HTTPS when a trusted proxy (by its address) says so in
 * {@code X-Forwarded-Proto}; the header from anyone else is ignored. The target keeps host, path
 * and query; the port is the configured HTTPS port (left out when 443).
 */
public final class HttpsRedirectFilter implements Filter {
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");

    private final AddressRange[] proxies;
    private final String portSuffix;

    /** @throws StartupException for a proxy that is not an IP address or CIDR block, or a bad port */
    public HttpsRedirectFilter(List<String> trustedProxies, int httpsPort) {
        this.proxies = trustedProxies.stream().map(p -> AddressRange.parse("HttpsRedirect", p)).toArray(AddressRange[]::new);
        if (httpsPort < 1 || httpsPort > 65535) throw new StartupException("HttpsRedirect: httpsPort must be 1..65535: " + httpsPort);
        this.portSuffix = httpsPort == 443 ? "" : ":" + httpsPort;
    }

    @Override
    public Reply before(Call call) {
        RequestView req = call.request();
        String proto = req.headerValue(X_FORWARDED_PROTO);
        if (proto != null && lastIsHttps(proto) && trusted(req)) return null;
        String host = req.headerValue(HttpHeaderNames.HOST);
        long bounds = host == null ? HostHeader.INVALID : HostHeader.parse(host);
        if (bounds == HostHeader.INVALID) return Replies.detail(req.connection().alloc(), 400, "Invalid host header");
        String uri = req.uri();
        var location = new StringBuilder(16 + host.length() + uri.length()).append("https://");
        int s = HostHeader.start(bounds);
        if (s == 1) location.append('[');
        location.append(host, s, HostHeader.end(bounds));
        if (s == 1) location.append(']');
        location.append(portSuffix);
        if (uri.startsWith("/")) location.append(uri);
        else location.append('/');   // asterisk- or absolute-form: the root
        Reply r = Reply.empty(308);
        r.addHeader(HttpHeaderNames.LOCATION, location.toString());
        return r;
    }

    /** The proxy nearest to us appends last: {@code X-Forwarded-Proto: https} or {@code ..., https}. */
    private static boolean lastIsHttps(String v) {
        int end = v.length();
        while (end > 0 && Tokens.isSpace(v.charAt(end - 1))) end--;
        int start = v.lastIndexOf(',', end - 1) + 1;
        while (start < end && Tokens.isSpace(v.charAt(start))) start++;
        return end - start == 5 && v.regionMatches(true, start, "https", 0, 5);
    }

    private boolean trusted(RequestView req) {
        if (proxies.length == 0) return false;
        byte[] peer = AddressRange.bytesOf(req.remoteAddress());
        if (peer == null) return false;
        for (AddressRange r : proxies) if (r.contains(peer)) return true;
        return false;
    }
}
