package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Answers 400 to a request whose {@code Host} is missing, malformed, repeated or not one of the
 * allowed hosts, so the app never builds links or cache keys from a host an attacker chose. Host
 * names match case-insensitively, the port and a trailing dot aside; {@code *.example.com} matches
 * any subdomain (not {@code example.com} itself); IPv6 literals are written without brackets.
 */
public final class TrustedHostFilter implements Filter {
    private final boolean any;
    private final String[] exact;      // lower-case
    private final String[] suffixes;   // ".example.com"

    /** @throws StartupException for an entry that is not a host name, IP literal or {@code *.} pattern */
    public TrustedHostFilter(List<String> hosts) {
        if (hosts.isEmpty()) throw new StartupException("TrustedHost: no hosts given; name them, e.g. TrustedHost.of(\"example.com\", \"*.example.com\")");
        var exactSet = new LinkedHashSet<String>();
        var suffixSet = new LinkedHashSet<String>();
        boolean star = false;
        for (String h : hosts) {
            if (h == null) throw new StartupException("TrustedHost: hosts must not contain null");
            String s = h.toLowerCase(Locale.ROOT);
            if (s.equals("*")) {
                star = true;
            } else if (s.startsWith("*.")) {
                String suffix = s.substring(2);
                if (!OriginRule.validHostName(suffix)) throw bad(h, "is not a valid pattern; write e.g. \"*.example.com\"");
                suffixSet.add(s.substring(1));
            } else {
                exactSet.add(checkedHost(h, s));
            }
        }
        if (star && (exactSet.size() + suffixSet.size()) > 0) throw new StartupException("TrustedHost: \"*\" allows every host; give it alone");
        this.any = star;
        this.exact = exactSet.toArray(String[]::new);
        this.suffixes = suffixSet.toArray(String[]::new);
    }

    private static String checkedHost(String given, String s) {
        if (s.contains("://") || s.contains("/")) throw bad(given, "is a URL; give the host name alone, e.g. \"example.com\"");
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.indexOf(':') >= 0) {
            if (OriginRule.validIpv6(s)) return s;
            throw bad(given, "has a port; ports are not compared, give the host alone");
        }
        if (s.indexOf('*') >= 0) throw bad(given, "has a '*' that is not a leading \"*.\"");
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (!OriginRule.validHostName(s)) throw bad(given, "is not a valid host name or IP address");
        return s;
    }

    private static StartupException bad(String host, String why) {
        return new StartupException("TrustedHost: \"" + host + "\" " + why);
    }

    @Override
    public Reply before(Call call) {
        RequestView req = call.request();
        String host = req.headerValue(HttpHeaderNames.HOST);
        // HTTP/1.1 requests carry exactly one Host (the transport checks); HTTP/1.0 ones may not.
        if (host == null || req.protocol().equals("HTTP/1.0") && repeated(req)) return reject(call);
        if (any) return null;
        long bounds = HostHeader.parse(host);
        if (bounds == HostHeader.INVALID) return reject(call);
        int s = HostHeader.start(bounds);
        int len = HostHeader.end(bounds) - s;
        for (String e : exact) {
            if (e.length() == len && host.regionMatches(true, s, e, 0, len)) return null;
        }
        for (String suffix : suffixes) {
            int l = suffix.length();
            if (len > l && host.regionMatches(true, s + len - l, suffix, 0, l)) return null;
        }
        return reject(call);
    }

    private static boolean repeated(RequestView req) {
        Iterator<String> it = req.headerMap().valueStringIterator(HttpHeaderNames.HOST);
        it.next();
        return it.hasNext();
    }

    private static Reply reject(Call call) {
        return Replies.detail(call.request().connection().alloc(), 400, "Invalid host header");
    }
}
