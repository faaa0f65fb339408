package dev.brisk.cache.internal;

/**
 * The request's {@code Cache-Control} (RFC 9111 5.2.1), read as a list: {@code no-store} skips the
 * cache both ways, {@code no-cache} recomputes (and refreshes the entry), {@code max-age=N} accepts
 * only an entry at most N seconds old ({@code max-age=0} recomputes). {@code Pragma: no-cache}
 * counts as {@code no-cache} when there is no {@code Cache-Control}. Anything else, or a malformed
 * value, is ignored.
 */
record Directives(boolean noStore, boolean noCache, long maxAge) {
    static final Directives NONE = new Directives(false, false, -1);

    static Directives parse(String cacheControl, String pragma) {
        if (cacheControl == null || cacheControl.isEmpty()) {
            return pragma != null && hasToken(pragma, "no-cache") ? new Directives(false, true, -1) : NONE;
        }
        boolean noStore = false;
        boolean noCache = false;
        long maxAge = -1;
        int i = 0;
        int n = cacheControl.length();
        while (i < n) {
            int end = cacheControl.indexOf(',', i);
            if (end < 0) end = n;
            int s = i;
            int e = end;
            while (s < e && cacheControl.charAt(s) <= ' ') s++;
            while (e > s && cacheControl.charAt(e - 1) <= ' ') e--;
            int eq = cacheControl.indexOf('=', s);
            if (eq < 0 || eq >= e) {
                if (cacheControl.regionMatches(true, s, "no-store", 0, 8) && e - s == 8) noStore = true;
                else if (cacheControl.regionMatches(true, s, "no-cache", 0, 8) && e - s == 8) noCache = true;
            } else if (eq - s == 7 && cacheControl.regionMatches(true, s, "max-age", 0, 7)) {
                long v = seconds(cacheControl, eq + 1, e);
                if (v >= 0) maxAge = maxAge < 0 ? v : Math.min(maxAge, v);
            }
            i = end + 1;
        }
        return noStore || noCache || maxAge >= 0 ? new Directives(noStore, noCache, maxAge) : NONE;
    }

    /** Recompute instead of reading: {@code no-cache} or {@code max-age=0}. */
    boolean refresh() {
        return noCache || maxAge == 0;
    }

    /** Whether an entry of this age (seconds) may answer. */
    boolean accepts(long ageSeconds) {
        return maxAge < 0 || ageSeconds <= maxAge;
    }

    /** Digits (optionally quoted, as some clients send); -1 when malformed. Saturates instead of overflowing. */
    private static long seconds(String s, int from, int to) {
        if (to - from >= 2 && s.charAt(from) == '"' && s.charAt(to - 1) == '"') {
            from++;
            to--;
        }
        if (from >= to) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v > Integer.MAX_VALUE ? v : v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean hasToken(String header, String token) {
        for (String part : header.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) return true;
        }
        return false;
    }
}
