package dev.brisk.internal.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Range: bytes=...} (RFC 9110 14.1.2): single ranges, several, suffixes ({@code -500}) and open
 * ones ({@code 9500-}). A header with another unit, a syntax error or an invalid range is ignored (the
 * whole representation is sent), as are more than {@link #MAX_RANGES} ranges and overlapping ranges,
 * which only serve to amplify a response. Ranges none of which is satisfiable answer 416.
 */
final class Ranges {
    static final int MAX_RANGES = 100;

    /** The outcome: {@link #IGNORE}, {@link #UNSATISFIABLE}, or the satisfiable ranges in request order. */
    record Result(Kind kind, List<long[]> ranges) {
        enum Kind { IGNORE, UNSATISFIABLE, RANGES }
    }

    static final Result IGNORE = new Result(Result.Kind.IGNORE, List.of());
    static final Result UNSATISFIABLE = new Result(Result.Kind.UNSATISFIABLE, List.of());

    private Ranges() {
    }

    /** Parses {@code header} against a representation of {@code length} bytes; each range is {first, last} inclusive. */
    static Result parse(String header, long length) {
        String h = header.trim();
        int eq = h.indexOf('=');
        if (eq <= 0 || !h.substring(0, eq).trim().equalsIgnoreCase("bytes")) return IGNORE;
        var out = new ArrayList<long[]>(2);
        int specs = 0;
        for (String part : h.substring(eq + 1).split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) continue;   // empty list elements are allowed (RFC 9110 5.6.1)
            if (++specs > MAX_RANGES) return IGNORE;
            int dash = p.indexOf('-');
            if (dash < 0 || p.indexOf('-', dash + 1) >= 0) return IGNORE;
            String a = p.substring(0, dash).trim(), b = p.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = digits(b);
                if (suffix < 0) return IGNORE;
                if (suffix == 0 || length == 0) continue;   // unsatisfiable
                out.add(new long[] {Math.max(0, length - suffix), length - 1});
            } else {
                long first = digits(a);
                long last = b.isEmpty() ? Long.MAX_VALUE : digits(b);
                if (first < 0 || last < 0 || last < first) return IGNORE;
                if (first >= length) continue;   // unsatisfiable
                out.add(new long[] {first, Math.min(last, length - 1)});
            }
        }
        if (specs == 0) return IGNORE;
        if (out.isEmpty()) return UNSATISFIABLE;
        if (out.size() > 1) {
            var sorted = out.toArray(long[][]::new);
            Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i][0] <= sorted[i - 1][1]) return IGNORE;
            }
        }
        return new Result(Result.Kind.RANGES, out);
    }

    /** A non-negative decimal that fits a long, or -1. */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
