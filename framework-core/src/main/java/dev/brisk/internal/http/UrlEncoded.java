package dev.brisk.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name/value pairs of {@code application/x-www-form-urlencoded} text: a query string or a form body.
 * Parsed once, percent-decoded as UTF-8 with {@code +} as a space; kept in arrival order.
 */
public final class UrlEncoded {
    private static final String[] NONE = new String[0];
    public static final UrlEncoded EMPTY = new UrlEncoded(NONE, NONE, 0);

    private final String[] names;
    private final String[] values;
    private final int count;

    private UrlEncoded(String[] names, String[] values, int count) {
        this.names = names;
        this.values = values;
        this.count = count;
    }

    /** Parses {@code s[from, to)}; empty pairs ({@code a=1&&b=2}) are skipped, a name without {@code =} has the value "". */
    public static UrlEncoded parse(String s, int from, int to) {
        if (from >= to) return EMPTY;
        int n = 0;
        String[] names = new String[4];
        String[] values = new String[4];
        int i = from;
        while (i <= to) {
            int amp = s.indexOf('&', i);
            if (amp < 0 || amp > to) amp = to;
            if (amp > i) {
                int eq = s.indexOf('=', i);
                String name, value;
                if (eq < 0 || eq > amp) {
                    name = UrlDecoding.decode(s, i, amp, true);
                    value = "";
                } else {
                    name = UrlDecoding.decode(s, i, eq, true);
                    value = UrlDecoding.decode(s, eq + 1, amp, true);
                }
                if (n == names.length) {
                    names = Arrays.copyOf(names, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                names[n] = name;
                values[n] = value;
                n++;
            }
            i = amp + 1;
        }
        return new UrlEncoded(names, values, n);
    }

    /** Pairs given as they are (e.g. the text fields of a multipart form). */
    public static UrlEncoded of(List<String> names, List<String> values) {
        if (names.isEmpty()) return EMPTY;
        return new UrlEncoded(names.toArray(String[]::new), values.toArray(String[]::new), names.size());
    }

    /** The number of pairs. */
    public int size() {
        return count;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        for (int i = 0; i < count; i++) if (names[i].equals(name)) return values[i];
        return null;
    }

    /** Every value of {@code name}, in order (an empty list when absent). */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(values[i]);
            }
        }
        return out == null ? List.of() : out;
    }

    /** Names to their values, in order of first appearance. */
    public Map<String, List<String>> asMap() {
        var m = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < count; i++) m.computeIfAbsent(names[i], k -> new ArrayList<>(1)).add(values[i]);
        return Collections.unmodifiableMap(m);
    }
}
