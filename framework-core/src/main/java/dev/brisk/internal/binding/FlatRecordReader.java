package dev.brisk.internal.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.lang.reflect.RecordComponent;

/**
 * Reads a JSON body straight into a record of plain fields (strings, numbers, booleans) with a streaming
 * parser, skipping the JSON tree. It handles only the unremarkable case — an object whose fields each
 * hold the exact JSON type of their Java type, none repeated — and gives up ({@link #FALLBACK}) on
 * anything else: a missing required field, a null where the field's type takes none (a primitive, a
 * field with a {@link dev.brisk.Default}), a string for a number, a fraction for
 * an integer, an out-of-range or non-finite number, a repeated key, trailing content, malformed JSON, or a
 * constructor that throws. The tree reader then reads the body again and produces exactly the values or
 * errors it always has, so this never changes an answer, only the cost of a valid one.
 */
public final class FlatRecordReader {
    /** Returned when the body needs the tree reader. */
    public static final Object FALLBACK = new Object();

    private static final int STRING = 0, INT = 1, LONG = 2, SHORT = 3, BYTE = 4, DOUBLE = 5, FLOAT = 6, BOOLEAN = 7;

    private final JsonFactory factory;
    private final String[] names;
    private final int[] kinds;
    private final boolean[] nullOk;
    private final boolean[] required;
    private final Object[] defaults;
    private final BodyReader.RecordPlan record;

    private FlatRecordReader(JsonFactory factory, String[] names, int[] kinds, boolean[] nullOk, boolean[] required, Object[] defaults,
                             BodyReader.RecordPlan record) {
        this.factory = factory;
        this.names = names;
        this.kinds = kinds;
        this.nullOk = nullOk;
        this.required = required;
        this.defaults = defaults;
        this.record = record;
    }

    /** A reader for {@code plan}, or null when it is not a record of plain fields (at most 64). */
    public static FlatRecordReader of(BodyReader.Plan plan, JsonFactory factory) {
        if (!(plan instanceof BodyReader.RecordPlan rp) || rp.fields.length > 64) return null;
        RecordComponent[] comps = rp.type.getRecordComponents();
        int n = comps.length;
        var names = new String[n];
        var kinds = new int[n];
        var nullOk = new boolean[n];
        var required = new boolean[n];
        var defaults = new Object[n];
        for (int i = 0; i < n; i++) {
            Class<?> t = comps[i].getType();
            int kind = kind(t);
            var field = rp.fields[i];
            if (kind < 0 || !(field.plan() instanceof BodyReader.ScalarPlan)) return null;
            names[i] = field.name();
            kinds[i] = kind;
            nullOk[i] = field.nullOk();
            required[i] = field.required();
            defaults[i] = field.hasDefault() ? field.defaultValue() : null;   // simple types: immutable, shared
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) if (names[i].equals(names[j])) return null;
        }
        return new FlatRecordReader(factory, names, kinds, nullOk, required, defaults, rp);
    }

    private static int kind(Class<?> t) {
        if (t == String.class) return STRING;
        if (t == int.class || t == Integer.class) return INT;
        if (t == long.class || t == Long.class) return LONG;
        if (t == short.class || t == Short.class) return SHORT;
        if (t == byte.class || t == Byte.class) return BYTE;
        if (t == double.class || t == Double.class) return DOUBLE;
        if (t == float.class || t == Float.class) return FLOAT;
        if (t == boolean.class || t == Boolean.class) return BOOLEAN;
        return -1;
    }

    /** The record, or {@link #FALLBACK}. */
    public Object read(byte[] body) {
        // Outside the catch-all below: a handle that cannot be made is Brisk's failure, not a body to read again.
        var ctor = record.ctor();
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return FALLBACK;
            var values = new Object[names.length];
            long seen = 0;
            for (String name; (name = p.nextFieldName()) != null; ) {
                int i = index(name);
                JsonToken t = p.nextToken();
                if (i < 0) {
                    p.skipChildren();   // unknown fields are ignored, as by the tree reader
                    continue;
                }
                if ((seen & (1L << i)) != 0) return FALLBACK;
                seen |= 1L << i;
                Object v = value(p, t, i);
                if (v == FALLBACK) return FALLBACK;
                values[i] = v;
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return FALLBACK;
            for (int i = 0; i < names.length; i++) {
                if ((seen & (1L << i)) != 0) continue;
                if (required[i]) return FALLBACK;
                values[i] = defaults[i];   // absent: the default, or null
            }
            return (Object) ctor.invokeExact(values);
        } catch (Throwable e) {
            return FALLBACK;
        }
    }

    private int index(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) return i;
        }
        return -1;
    }

    private Object value(JsonParser p, JsonToken t, int i) throws java.io.IOException {
        if (t == JsonToken.VALUE_NULL) return nullOk[i] ? null : FALLBACK;
        switch (kinds[i]) {
            case STRING:
                return t == JsonToken.VALUE_STRING ? p.getText() : FALLBACK;
            case BOOLEAN:
                return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : FALLBACK;
            case DOUBLE, FLOAT: {
                if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) return FALLBACK;
                var nt = p.getNumberType();
                if (nt != JsonParser.NumberType.DOUBLE && nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) {
                    return FALLBACK;
                }
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) return FALLBACK;
                if (kinds[i] != FLOAT) return d;
                float f = (float) d;   // finite as a double, perhaps not as a float (1e39)
                return Float.isFinite(f) ? (Object) f : FALLBACK;
            }
            default: {
                if (t != JsonToken.VALUE_NUMBER_INT) return FALLBACK;
                var nt = p.getNumberType();
                if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) return FALLBACK;
                long v = p.getLongValue();
                return switch (kinds[i]) {
                    case INT -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : FALLBACK;
                    case SHORT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? (Object) (short) v : FALLBACK;
                    case BYTE -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE ? (Object) (byte) v : FALLBACK;
                    default -> v;
                };
            }
        }
    }
}
