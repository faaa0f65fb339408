package dev.brisk.internal.routing;

import dev.brisk.internal.http.UrlDecoding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A segment trie over route templates. Matching walks the raw path once, preferring static segments
 * over parameters over a {@code :path} rest, with backtracking; no regular expressions.
 *
 * @param <E> what a route resolves to
 */
public final class RouteTable<E> {

    private static final class Node<E> {
        final Map<String, Node<E>> statics = new HashMap<>();
        Node<E> param;
        Map<String, E> rest;          // {name:path} endpoints at this position, by method
        Map<String, E> endpoints;     // endpoints ending here, by method
    }

    /** A successful lookup. */
    public record Match<E>(E endpoint, String[] values) {
    }

    /** Result kinds of a lookup. */
    public enum Outcome { FOUND, METHOD_NOT_ALLOWED, NOT_FOUND }

    /** The outcome, the endpoint (FOUND) and the allowed methods (METHOD_NOT_ALLOWED). */
    public record Lookup<E>(Outcome outcome, E endpoint, String[] values, Set<String> allowed) {
    }

    private final Node<E> root = new Node<>();
    private int maxParams;
    // Fully static paths answer from one hash lookup, with the result objects made once.
    private final Map<String, Map<String, Lookup<E>>> exact = new HashMap<>();
    private static final String[] NO_VALUES = new String[0];

    public void add(String method, PathTemplate template, E endpoint) {
        Node<E> n = root;
        int params = 0;
        for (var seg : template.segments()) {
            if (seg.param() == null) {
                n = n.statics.computeIfAbsent(seg.text(), k -> new Node<>());
            } else if (seg.rest()) {
                params++;
                if (n.rest == null) n.rest = new LinkedHashMap<>();
                if (n.rest.putIfAbsent(method, endpoint) != null) throw new IllegalStateException("duplicate");
                maxParams = Math.max(maxParams, params);
                return;
            } else {
                params++;
                if (n.param == null) n.param = new Node<>();
                n = n.param;
            }
        }
        if (n.endpoints == null) n.endpoints = new LinkedHashMap<>();
        if (n.endpoints.putIfAbsent(method, endpoint) != null) throw new IllegalStateException("duplicate");
        maxParams = Math.max(maxParams, params);
        if (params == 0) {
            exact.computeIfAbsent(template.source(), k -> new HashMap<>()).put(method, new Lookup<>(Outcome.FOUND, endpoint, NO_VALUES, null));
        }
    }

    /**
     * Finds the endpoint for {@code method} on the raw path. {@code fallbackMethod} (e.g. GET for
     * HEAD) is tried on the same node when the method itself has no endpoint there.
     */
    public Lookup<E> find(String method, String fallbackMethod, String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') return new Lookup<>(Outcome.NOT_FOUND, null, null, null);
        var byMethod = exact.get(rawPath);
        if (byMethod != null) {
            var hit = byMethod.get(method);
            if (hit == null && fallbackMethod != null) hit = byMethod.get(fallbackMethod);
            if (hit != null) return hit;
        }
        String[] values = new String[maxParams];
        var state = new Search<E>(method, fallbackMethod, rawPath, values);
        E e = state.walk(root, 1, 0);
        if (e != null) {
            return new Lookup<>(Outcome.FOUND, e, state.count == values.length ? values : java.util.Arrays.copyOf(values, state.count), null);
        }
        if (state.allowed != null) return new Lookup<>(Outcome.METHOD_NOT_ALLOWED, null, null, state.allowed);
        return new Lookup<>(Outcome.NOT_FOUND, null, null, null);
    }

    private static final class Search<E> {
        final String method, fallback, path;
        final String[] values;
        int count;
        Set<String> allowed;

        Search(String method, String fallback, String path, String[] values) {
            this.method = method;
            this.fallback = fallback;
            this.path = path;
            this.values = values;
        }

        E pick(Map<String, E> eps) {
            E e = eps.get(method);
            if (e == null && fallback != null) e = eps.get(fallback);
            if (e == null) {
                if (allowed == null) allowed = new LinkedHashSet<>();
                allowed.addAll(eps.keySet());
                if (eps.containsKey("GET")) allowed.add("HEAD");
            }
            return e;
        }

        /** Matches the segment starting at {@code start}; {@code depth} = params captured so far. */
        E walk(Node<E> n, int start, int depth) {
            int len = path.length();
            if (start > len) {
                // consumed everything
                E e = n.endpoints == null ? null : pick(n.endpoints);
                if (e != null) count = depth;
                return e;
            }
            int end = path.indexOf('/', start);
            if (end < 0) end = len;
            String seg = path.substring(start, end);
            Node<E> s = n.statics.get(seg.indexOf('%') < 0 ? seg : UrlDecoding.decode(seg, 0, seg.length(), false));
            if (s != null) {
                E e = walk(s, end + 1, depth);
                if (e != null) return e;
            }
            if (n.param != null && !seg.isEmpty()) {
                values[depth] = UrlDecoding.decode(path, start, end, false);
                E e = walk(n.param, end + 1, depth + 1);
                if (e != null) return e;
            }
            if (n.rest != null && start < len) {
                E e = pick(n.rest);
                if (e != null) {
                    values[depth] = UrlDecoding.decode(path, start, len, false);
                    count = depth + 1;
                    return e;
                }
            }
            return null;
        }
    }

    /** All methods registered anywhere, for diagnostics. */
    public List<String> describe() {
        var out = new ArrayList<String>();
        describe(root, "", out);
        return out;
    }

    private void describe(Node<E> n, String prefix, List<String> out) {
        if (n.endpoints != null) out.add(prefix + " " + n.endpoints.keySet());
        n.statics.forEach((k, v) -> describe(v, prefix + "/" + k, out));
        if (n.param != null) describe(n.param, prefix + "/{}", out);
        if (n.rest != null) out.add(prefix + "/{*} " + n.rest.keySet());
    }
}
