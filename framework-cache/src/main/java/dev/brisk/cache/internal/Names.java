package dev.brisk.cache.internal;

import java.util.Objects;

/** The rules for namespaces, key prefixes and what may be logged of a Redis URI. */
public final class Names {
    private Names() {
    }

    /** Letters, digits, {@code . _ -}; 1 to 64 characters (no {@code :}, so one namespace's keys never match another's pattern). */
    public static String checkNamespace(String ns) {
        Objects.requireNonNull(ns, "namespace");
        if (ns.isEmpty() || ns.length() > 64 || !only(ns, "._-")) {
            throw new IllegalArgumentException("a namespace is 1 to 64 letters, digits, '.', '_' or '-': \"" + ns + "\"");
        }
        return ns;
    }

    /** Letters, digits, {@code . _ - : /}; 1 to 64 characters (none is special in a Redis SCAN pattern). */
    public static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "keyPrefix");
        if (prefix.isEmpty() || prefix.length() > 64 || !only(prefix, "._-:/")) {
            throw new IllegalArgumentException("a key prefix is 1 to 64 letters, digits, '.', '_', '-', ':' or '/': \"" + prefix + "\"");
        }
        return prefix;
    }

    private static boolean only(String s, String extra) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || extra.indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** {@code redis://user:secret@host:6379/0} without what stands before {@code @}: {@code redis://host:6379/0}. */
    public static String redact(String uri) {
        int scheme = uri.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = uri.lastIndexOf('@');
        int slash = uri.indexOf('/', start);
        if (at >= start && (slash < 0 || at < slash)) return uri.substring(0, start) + "***@" + uri.substring(at + 1);
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q) + "?...";   // query options may carry a password too
    }
}
