package dev.brisk.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.TreeSet;

/**
 * Structural JSON comparison: objects compare by their members whatever the order, arrays element by
 * element, numbers by value ({@code 1} equals {@code 1.0}, as in Python).
 */
final class JsonDiff {
    private JsonDiff() {
    }

    /** The first difference as {@code "$.a[0].b: expected 1 but was 2"}, or null when equal. */
    static String firstDifference(JsonNode expected, JsonNode actual) {
        return diff("$", expected, actual);
    }

    private static boolean sameNumber(JsonNode e, JsonNode a) {
        // 1e400 reads as an infinite double, which has no decimal value
        if (!Double.isFinite(e.doubleValue()) || !Double.isFinite(a.doubleValue())) {
            return (e.isFloatingPointNumber() || e.isBigInteger()) == (a.isFloatingPointNumber() || a.isBigInteger())
                    && e.doubleValue() == a.doubleValue();
        }
        return e.decimalValue().compareTo(a.decimalValue()) == 0;
    }

    private static String diff(String at, JsonNode e, JsonNode a) {
        if (e.isNumber() && a.isNumber()) {
            return sameNumber(e, a) ? null : at + ": expected " + e + " but was " + a;
        }
        if (e.getNodeType() != a.getNodeType()) return at + ": expected " + e + " but was " + a;
        if (e.isObject()) {
            var keys = new TreeSet<String>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String p = at + "." + k;
                if (!a.has(k)) return p + ": expected " + e.get(k) + " but the member is absent";
                if (!e.has(k)) return p + ": unexpected member with value " + a.get(k);
                String d = diff(p, e.get(k), a.get(k));
                if (d != null) return d;
            }
            return null;
        }
        if (e.isArray()) {
            int n = Math.min(e.size(), a.size());
            for (int i = 0; i < n; i++) {
                String d = diff(at + "[" + i + "]", e.get(i), a.get(i));
                if (d != null) return d;
            }
            if (e.size() != a.size()) return at + ": expected " + e.size() + " elements but was " + a.size();
            return null;
        }
        return e.equals(a) ? null : at + ": expected " + e + " but was " + a;
    }
}
