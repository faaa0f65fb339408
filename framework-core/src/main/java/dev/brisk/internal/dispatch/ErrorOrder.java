package dev.brisk.internal.dispatch;

import dev.brisk.ValidationError;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.binding.FieldNames;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.RouteDef;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts a request's errors in a stable order: by source (path, query, header, cookie, body), then
 * body errors in field declaration order (Bean Validation reports violations as an unordered set).
 */
final class ErrorOrder {
    private ErrorOrder() {
    }

    private record Keyed(ValidationError error, int rank, List<Integer> key) {
    }

    static List<ValidationError> sorted(List<ValidationError> errors, RouteDef route) {
        if (errors.size() < 2) return errors;
        var keyed = new ArrayList<Keyed>(errors.size());
        for (var e : errors) keyed.add(new Keyed(e, rank(e), key(e, route)));
        // List.sort is stable: equal keys keep the order in which the errors were found.
        keyed.sort(Comparator.comparingInt(Keyed::rank).thenComparing(Keyed::key, ErrorOrder::compareLists));
        return keyed.stream().map(Keyed::error).toList();
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int rank(ValidationError e) {
        Object root = e.loc().isEmpty() ? "" : e.loc().get(0);
        return switch (String.valueOf(root)) {
            case "path" -> 1;
            case "query" -> 2;
            case "header" -> 3;
            case "cookie" -> 4;
            case "body" -> 5;
            default -> 6;
        };
    }

    /** For body errors: the positions of each loc part within its declaring type. */
    private static List<Integer> key(ValidationError e, RouteDef route) {
        if (rank(e) != 5) {
            // path/query/header/cookie: the parameter's declaration order (dependencies' first), then list index
            var loc = e.loc();
            var out = new ArrayList<Integer>(2);
            int pos = 0, found = Integer.MAX_VALUE;
            for (var p : route.allWireParams()) {
                if (loc.size() > 1 && p.kind().locRoot().equals(loc.get(0)) && p.wireName().equals(loc.get(1))) {
                    found = pos;
                    break;
                }
                pos++;
            }
            out.add(found);
            if (loc.size() > 2 && loc.get(2) instanceof Integer i) out.add(i);
            return out;
        }
        var loc = e.loc();
        var out = new ArrayList<Integer>(loc.size());
        Type type = null;
        int start = 1;
        ParamDef single = null;
        var bodies = new ArrayList<ParamDef>();
        for (var p : route.params()) if (p.kind() == ParamKind.BODY || p.kind() == ParamKind.FORM) bodies.add(p);
        if (bodies.size() == 1 && !bodies.get(0).embed()) {
            single = bodies.get(0);
            type = single.type();
        } else if (loc.size() > 1) {
            for (int i = 0; i < bodies.size(); i++) {
                if (bodies.get(i).wireName().equals(loc.get(1))) {
                    type = bodies.get(i).type();
                    out.add(i);
                }
            }
            start = 2;
        }
        for (int i = start; i < loc.size() && type != null; i++) {
            Object part = loc.get(i);
            Class<?> raw = Types.raw(type);
            if (raw == java.util.Optional.class) {
                type = Types.arg(type, 0);
                raw = Types.raw(type);
            }
            if (part instanceof Integer idx) {
                out.add(idx);
                type = Collection.class.isAssignableFrom(raw) ? Types.arg(type, 0) : raw.isArray() ? raw.getComponentType() : null;
            } else if (Map.class.isAssignableFrom(raw)) {
                out.add(0);
                type = Types.arg(type, 1);
            } else {
                var fi = FieldNames.of(raw).json(String.valueOf(part));
                int pos = fi == null ? 0 : fi.position();
                Type next = fi == null ? null : fi.type();
                out.add(pos);
                type = next;
            }
        }
        return out;
    }
}
