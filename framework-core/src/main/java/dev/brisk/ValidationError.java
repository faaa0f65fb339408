package dev.brisk;

import java.util.List;
import java.util.Map;

/**
 * One problem with a request, shaped like FastAPI's: {@code type} (e.g. {@code missing},
 * {@code int_parsing}, {@code not_blank}), {@code loc} (e.g. {@code ["body","items",0,"price"]}),
 * a readable {@code msg}, the offending {@code input} and an optional {@code ctx}.
 *
 * @param type the error kind in snake_case
 * @param loc where the problem is: the source ({@code path}, {@code query}, {@code header},
 *            {@code cookie}, {@code body}) followed by names and list indexes
 * @param msg a human-readable message
 * @param input the value that was rejected ({@code null} when absent)
 * @param ctx parameters of the violated rule, or an empty map
 */
public record ValidationError(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
    /** Normalizes {@code loc} and {@code ctx} to unmodifiable, non-null values. */
    public ValidationError {
        loc = List.copyOf(loc);
        ctx = ctx == null ? Map.of() : ctx;
    }
}
