package dev.brisk.internal.middleware;

import dev.brisk.StartupException;

import java.util.Locale;

/**
 * One allowed origin of the CORS middleware, parsed at startup: an exact origin
 * ({@code https://app.example.com}, matched by string equality), or a pattern with a wildcard host
 * ({@code https://*.example.com}: one or more subdomain labels) and/or a wildcard port
 * ({@code http://localhost:*}: any port, or none). Patterns are matched by plain character
 * comparison, without regular expressions.
 */
final class OriginRule {
    static final int NO_PORT = -1;
    static final int ANY_PORT = 0;

    /** The exact origin, or null for a pattern. */
    final String exact;
    private final String prefix;       // "https://"
    private final String host;         // exact host, or the suffix after "*" (".example.com")
    private final boolean wildcardHost;
    private final int port;            // NO_PORT, ANY_PORT or the port
    private final String portText;

    private OriginRule(String exact, String prefix, String host, boolean wildcardHost, int port) {
        this.exact = exact;
        this.prefix = prefix;
        this.host = host;
        this.wildcardHost = wildcardHost;
        this.port = port;
        this.portText = port > 0 ? Integer.toString(port) : null;
    }

    /**
     * Parses a configured origin ({@code *} and {@code null} are the caller's). The rules are those of
     * the {@code Origin} header a browser sends: {@code scheme://host[:port]}, no path, no trailing
     * slash, no user info, the default port left out. Letters are lower-cased (browsers send them so).
     */
    static OriginRule parse(String spec) {
        if (spec.isEmpty()) throw bad(spec, "is empty");
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c <= ' ' || c == 0x7f) throw bad(spec, "contains spaces or control characters");
            if (c > 0x7f) throw bad(spec, "contains non-ASCII characters; write an internationalised host in its xn-- (punycode) form");
        }
        int sep = spec.indexOf("://");
        if (sep <= 0) throw bad(spec, "has no scheme; write it as the browser sends it, e.g. \"https://app.example.com\"");
        String scheme = spec.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!validScheme(scheme)) throw bad(spec, "has an invalid scheme \"" + scheme + "\"");
        String rest = spec.substring(sep + 3);
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            if (slash == rest.length() - 1) {
                throw bad(spec, "ends with a slash; an origin has no path: write \"" + spec.substring(0, spec.length() - 1) + "\"");
            }
            throw bad(spec, "has a path; an origin is only scheme://host[:port]");
        }
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) throw bad(spec, "has a query or fragment; an origin is only scheme://host[:port]");
        if (rest.indexOf('@') >= 0) throw bad(spec, "has user info; an origin is only scheme://host[:port]");
        String hostPart;
        String portPart = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw bad(spec, "has an unclosed IPv6 literal");
            hostPart = rest.substring(0, close + 1);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') throw bad(spec, "has characters after the IPv6 literal");
                portPart = rest.substring(close + 2);
            }
            if (!validIpv6(hostPart.substring(1, hostPart.length() - 1))) throw bad(spec, "has an invalid IPv6 literal");
        } else {
            int colon = rest.indexOf(':');
            hostPart = colon < 0 ? rest : rest.substring(0, colon);
            if (colon >= 0) portPart = rest.substring(colon + 1);
        }
        hostPart = hostPart.toLowerCase(Locale.ROOT);
        if (hostPart.isEmpty()) throw bad(spec, "has no host");
        int port = NO_PORT;
        if (portPart != null) {
            if (portPart.equals("*")) {
                port = ANY_PORT;
            } else {
                port = parsePort(portPart);
                if (port < 0) throw bad(spec, "has an invalid port \"" + portPart + "\"");
                if (port == defaultPort(scheme)) {
                    throw bad(spec, "names the default port, which browsers leave out of the Origin header: write \""
                            + scheme + "://" + hostPart + "\"");
                }
            }
        }
        boolean wildcard = false;
        String host = hostPart;
        if (hostPart.startsWith("*.")) {
            wildcard = true;
            host = hostPart.substring(1);   // ".example.com"
            String suffix = host.substring(1);
            if (!validHostName(suffix)) throw bad(spec, "has an invalid host pattern; write e.g. \"https://*.example.com\"");
            if (suffix.indexOf('.') < 0 && !suffix.equals("localhost")) {
                throw bad(spec, "is too broad: \"*." + suffix + "\" matches the sites of a whole top-level domain");
            }
        } else if (hostPart.indexOf('*') >= 0) {
            throw bad(spec, "has a '*' that is not a leading \"*.\" of the host (patterns look like \"https://*.example.com\" or \"http://localhost:*\")");
        } else if (!hostPart.startsWith("[") && !validHostName(hostPart)) {
            throw bad(spec, "has an invalid host \"" + hostPart + "\"");
        }
        String prefix = scheme + "://";
        if (!wildcard && port != ANY_PORT) {
            return new OriginRule(prefix + hostPart + (port > 0 ? ":" + port : ""), prefix, host, false, port);
        }
        return new OriginRule(null, prefix, host, wildcard, port);
    }

    /** Whether an {@code Origin} header value matches this pattern (exact rules are matched by the caller's set). */
    boolean matches(String o) {
        if (exact != null) return exact.equals(o);
        int hs = prefix.length();
        int n = o.length();
        if (!o.startsWith(prefix) || hs == n) return false;
        int he;
        if (o.charAt(hs) == '[') {
            he = o.indexOf(']', hs);
            if (he < 0) return false;
            he++;
        } else {
            he = hs;
            while (he < n && o.charAt(he) != ':') he++;
        }
        if (he == n) {
            if (port > 0) return false;
        } else {
            if (o.charAt(he) != ':' || port == NO_PORT) return false;
            int ps = he + 1;
            if (port == ANY_PORT) {
                if (ps == n || n - ps > 5) return false;
                for (int i = ps; i < n; i++) if (o.charAt(i) < '0' || o.charAt(i) > '9') return false;
            } else if (n - ps != portText.length() || !o.regionMatches(ps, portText, 0, portText.length())) {
                return false;
            }
        }
        int hl = he - hs;
        if (!wildcardHost) return hl == host.length() && o.regionMatches(hs, host, 0, hl);
        int sl = host.length();
        if (hl <= sl || !o.regionMatches(he - sl, host, 0, sl)) return false;
        return labels(o, hs, he - sl);
    }

    /** {@code s[start, end)} is one or more DNS labels (lower-case letters, digits, hyphens) joined by dots. */
    private static boolean labels(String s, int start, int end) {
        boolean labelStart = true;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (labelStart) return false;
                labelStart = true;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                labelStart = false;
            } else {
                return false;
            }
        }
        return !labelStart;
    }

    static boolean validHostName(String h) {
        return !h.isEmpty() && h.length() <= 253 && labels(h, 0, h.length());
    }

    private static boolean validScheme(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }

    static boolean validIpv6(String s) {
        return !s.isEmpty() && io.netty.util.NetUtil.isValidIpV6Address(s);
    }

    /** 1..65535, or -1. */
    static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5) return -1;
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            p = p * 10 + (c - '0');
        }
        return p >= 1 && p <= 65535 ? p : -1;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -2;
        };
    }

    private static StartupException bad(String spec, String why) {
        return new StartupException("Cors: the origin \"" + spec + "\" " + why);
    }
}
