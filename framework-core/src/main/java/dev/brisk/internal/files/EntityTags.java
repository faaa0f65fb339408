package dev.brisk.internal.files;

/** Entity-tag lists of {@code If-Match} / {@code If-None-Match} and their comparison (RFC 9110 8.8.3). */
final class EntityTags {
    private EntityTags() {
    }

    /** How a list compares to a tag. */
    enum Match { MATCH, NO_MATCH, INVALID }

    /**
     * Compares {@code header} ({@code *} or a list of entity-tags) with {@code etag} (a strong tag,
     * quotes included). Weak comparison ignores {@code W/}; strong comparison never matches a weak tag.
     */
    static Match compare(String header, String etag, boolean weak) {
        String h = header.trim();
        if (h.equals("*")) return Match.MATCH;
        boolean matched = false;
        int i = 0, n = h.length();
        boolean any = false;
        while (i < n) {
            char c = h.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean isWeak = false;
            if (c == 'W' && i + 1 < n && h.charAt(i + 1) == '/') {
                isWeak = true;
                i += 2;
            }
            if (i >= n || h.charAt(i) != '"') return Match.INVALID;
            int end = h.indexOf('"', i + 1);
            if (end < 0) return Match.INVALID;
            String opaque = h.substring(i, end + 1);
            for (int k = 1; k < opaque.length() - 1; k++) {
                char x = opaque.charAt(k);
                if (x < 0x21 && x != 0x20 || x == 0x7f) return Match.INVALID;
            }
            any = true;
            if (opaque.equals(etag) && (weak || !isWeak)) matched = true;
            i = end + 1;
            while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == '\t')) i++;
            if (i < n && h.charAt(i) != ',') return Match.INVALID;
        }
        if (!any) return Match.INVALID;
        return matched ? Match.MATCH : Match.NO_MATCH;
    }
}
