package dev.brisk.internal.middleware;

/**
 * Splits a {@code Host} header value ({@code host[:port]}, {@code [v6]:port}) in place: the host's
 * bounds within the value, or failure for anything that is not a host. Hosts are reg-names (letters,
 * digits, {@code - . _}), IPv4 or bracketed IPv6 literals; one trailing dot (the absolute form) is
 * not part of the host. No allocation: the bounds are packed into a long.
 */
final class HostHeader {
    static final long INVALID = -1;

    private HostHeader() {
    }

    /** {@code start << 32 | end} of the host (brackets of an IPv6 literal excluded), or {@link #INVALID}. */
    static long parse(String v) {
        int n = v.length();
        if (n == 0) return INVALID;
        int hostStart;
        int hostEnd;
        int after;
        if (v.charAt(0) == '[') {
            int close = v.indexOf(']');
            if (close < 2) return INVALID;
            hostStart = 1;
            hostEnd = close;
            for (int i = hostStart; i < hostEnd; i++) {
                char c = v.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) return INVALID;
            }
            after = close + 1;
        } else {
            int i = 0;
            while (i < n && v.charAt(i) != ':') {
                char c = v.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) return INVALID;
                i++;
            }
            hostStart = 0;
            hostEnd = i;
            after = i;
            if (hostEnd > hostStart && v.charAt(hostEnd - 1) == '.') hostEnd--;
            if (hostEnd == hostStart || v.charAt(hostStart) == '.') return INVALID;
        }
        if (after < n) {
            if (v.charAt(after) != ':' || n - after - 1 > 5) return INVALID;
            for (int i = after + 1; i < n; i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return INVALID;
        }
        return (long) hostStart << 32 | hostEnd;
    }

    static int start(long bounds) {
        return (int) (bounds >>> 32);
    }

    static int end(long bounds) {
        return (int) bounds;
    }

    /** The port after the host, or -1 when none is given. */
    static int port(String v, long bounds) {
        int i = end(bounds);
        if (start(bounds) == 1) i++;              // the closing bracket
        else if (i < v.length() && v.charAt(i) == '.') i++;   // the trailing dot
        if (i >= v.length() || v.charAt(i) != ':' || i + 1 == v.length()) return -1;
        int p = 0;
        for (int k = i + 1; k < v.length(); k++) p = p * 10 + v.charAt(k) - '0';
        return p;
    }
}
