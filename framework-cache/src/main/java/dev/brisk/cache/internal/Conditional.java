package dev.brisk.cache.internal;

/**
 * {@code If-None-Match} (RFC 9110 13.1.2): a list of entity tags or {@code *}, compared weakly (a
 * {@code W/} prefix on either side does not matter). Malformed members are skipped.
 */
final class Conditional {
    private Conditional() {
    }

    /** Whether {@code ifNoneMatch} matches the current representation's {@code etag} (a strong tag, quoted). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        int n = ifNoneMatch.length();
        int i = 0;
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') return true;
            if (c == 'W' && i + 2 < n && ifNoneMatch.charAt(i + 1) == '/' && ifNoneMatch.charAt(i + 2) == '"') {
                i += 2;
                c = '"';
            }
            if (c != '"') {   // not an entity-tag: skip to the next member
                int comma = ifNoneMatch.indexOf(',', i);
                if (comma < 0) return false;
                i = comma + 1;
                continue;
            }
            int close = ifNoneMatch.indexOf('"', i + 1);
            if (close < 0) return false;
            // etag is "<opaque>"; compare the opaque parts with their quotes
            if (close - i + 1 == etag.length() && ifNoneMatch.regionMatches(i, etag, 0, etag.length())) return true;
            i = close + 1;
        }
        return false;
    }
}
