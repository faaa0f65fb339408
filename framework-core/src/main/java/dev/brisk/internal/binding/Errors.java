package dev.brisk.internal.binding;

import dev.brisk.ValidationError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every problem of one request. */
public final class Errors {
    private final List<ValidationError> list = new ArrayList<>(4);

    public void add(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
        list.add(new ValidationError(type, loc, msg, input, ctx));
    }

    public void add(ConversionException e, Loc loc, Object input) {
        add(e.type(), loc.toList(), e.getMessage(), input, e.ctx());
    }

    public void missing(Loc loc, Object input) {
        add("missing", loc.toList(), "Field required", input, Map.of());
    }

    /** True if an error was already reported at exactly this location (to drop duplicate constraint errors). */
    public boolean hasAt(List<Object> loc) {
        return hasAt(loc, list.size());
    }

    /** Like {@link #hasAt(List)}, looking only at the first {@code count} errors. */
    public boolean hasAt(List<Object> loc, int count) {
        for (int i = 0; i < count; i++) {
            if (list.get(i).loc().equals(loc)) return true;
        }
        return false;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ValidationError> list() {
        return list;
    }
}
