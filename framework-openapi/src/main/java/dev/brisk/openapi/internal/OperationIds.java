package dev.brisk.openapi.internal;

import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.routing.PathTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unique, stable operationIds. An explicit {@code operationId} is kept; otherwise the method's name,
 * unless another documented route would get the same one: then every such route uses FastAPI's
 * rule, name + path + {@code _} + method with non-word characters as {@code _}
 * ({@code readItem_items__id__get}). A clash that still remains gets {@code _2}, {@code _3}, ...
 * in route order, so the document never repeats an id.
 */
final class OperationIds {
    private static final Pattern NON_WORD = Pattern.compile("\\W");
    private static final Pattern WORDS = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private OperationIds() {
    }

    /** The operationId of every route, in the same order. */
    static Map<RouteDef, String> assign(List<RouteDef> routes) {
        var base = new IdentityHashMap<RouteDef, String>();
        var count = new HashMap<String, Integer>();
        for (var r : routes) {
            String id = !r.doc().operationId().isEmpty() ? r.doc().operationId() : implicitName(r);
            base.put(r, id);
            count.merge(id, 1, Integer::sum);
        }
        var out = new IdentityHashMap<RouteDef, String>();
        var used = new HashSet<String>();
        // Explicit ids first, so that they are the ones kept when something else falls back.
        var order = new ArrayList<RouteDef>();
        for (var r : routes) if (!r.doc().operationId().isEmpty()) order.add(r);
        for (var r : routes) if (r.doc().operationId().isEmpty()) order.add(r);
        var explicit = new HashSet<String>();
        for (var r : routes) if (!r.doc().operationId().isEmpty()) explicit.add(r.doc().operationId());
        for (var r : order) {
            String id = base.get(r);
            boolean implicit = r.doc().operationId().isEmpty();
            if (implicit && (count.get(id) > 1 || explicit.contains(id))) id = fastApiId(implicitName(r), r);
            out.put(r, unique(id, used));
        }
        return out;
    }

    private static String unique(String id, Set<String> used) {
        if (used.add(id)) return id;
        for (int i = 2; ; i++) {
            String candidate = id + "_" + i;
            if (used.add(candidate)) return candidate;
        }
    }

    /** The handler method's name; for a lambda route, a name made of its path. */
    static String implicitName(RouteDef r) {
        if (r.method() != null) return r.method().getName();
        String path = NON_WORD.matcher(openApiPath(r)).replaceAll("_").replaceAll("^_+|_+$", "");
        return (path.isEmpty() ? "root" : path) + "_" + r.httpMethod().toLowerCase(Locale.ROOT);
    }

    /** FastAPI's {@code generate_unique_id}: name + path, non-word characters as {@code _}, then {@code _method}. */
    static String fastApiId(String name, RouteDef r) {
        if (r.method() == null) return name;
        return NON_WORD.matcher(name + openApiPath(r)).replaceAll("_") + "_" + r.httpMethod().toLowerCase(Locale.ROOT);
    }

    static String openApiPath(RouteDef r) {
        return PathTemplate.parse(r.path()).openApiPath();
    }

    /** {@code readItem} -> {@code Read Item}; {@code read_item} -> {@code Read Item}; acronyms are kept. */
    static String titleCase(String name) {
        var sb = new StringBuilder();
        for (String w : WORDS.split(name)) {
            if (w.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        }
        return sb.toString();
    }
}
