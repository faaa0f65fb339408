package dev.brisk.internal.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts text (path, query, header, cookie, form) and JSON scalars to one Java type, with
 * pydantic's lax rules and error vocabulary. Built once per type at startup.
 */
public abstract class Scalar {
    /** Per class, kept with the class (a map would keep an app's enums, and in dev mode an old generation's loader, reachable). */
    private static final ClassValue<Scalar> CACHE = new ClassValue<>() {
        @Override
        protected Scalar computeValue(Class<?> c) {
            return create(c);
        }
    };

    /** Parses a text value. */
    public abstract Object fromString(String s) throws ConversionException;

    /** Reads a JSON value (never a JSON null: callers handle that). */
    public Object fromJson(JsonNode n) throws ConversionException {
        if (n.isTextual()) return fromString(n.textValue());
        throw typeError();
    }

    /** The error for a JSON value of the wrong kind (also for a JSON null where the type allows none). */
    public abstract ConversionException typeError();

    /** The zero value for primitives, else {@code null}. */
    public Object absent() {
        return null;
    }

    /** True for the simple types Brisk binds from strings. */
    public static boolean isScalar(Class<?> c) {
        return c.isPrimitive() && c != void.class || c == String.class || c == Integer.class || c == Long.class
                || c == Short.class || c == Byte.class || c == Double.class || c == Float.class || c == Boolean.class
                || c == Character.class || c == BigDecimal.class || c == BigInteger.class || c == UUID.class || c.isEnum()
                || c == LocalDate.class || c == LocalDateTime.class || c == LocalTime.class || c == OffsetDateTime.class
                || c == ZonedDateTime.class || c == Instant.class || c == Duration.class;
    }

    /** The converter for a scalar type. */
    public static Scalar of(Class<?> c) {
        return CACHE.get(c);
    }

    /** An enum's converter from its wire names, in order, given by hand (no annotations read). */
    public static Scalar ofEnumNames(Map<String, ? extends Enum<?>> names) {
        return new EnumScalar(names);
    }

    private static Scalar create(Class<?> c) {
        if (c == String.class) return new StringScalar();
        if (c == int.class || c == Integer.class) return new IntegerScalar(c.isPrimitive(), Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
        if (c == long.class || c == Long.class) return new IntegerScalar(c.isPrimitive(), Long.MIN_VALUE, Long.MAX_VALUE, 1);
        if (c == short.class || c == Short.class) return new IntegerScalar(c.isPrimitive(), Short.MIN_VALUE, Short.MAX_VALUE, 2);
        if (c == byte.class || c == Byte.class) return new IntegerScalar(c.isPrimitive(), Byte.MIN_VALUE, Byte.MAX_VALUE, 3);
        if (c == double.class || c == Double.class) return new FloatScalar(c.isPrimitive(), false);
        if (c == float.class || c == Float.class) return new FloatScalar(c.isPrimitive(), true);
        if (c == boolean.class || c == Boolean.class) return new BooleanScalar(c.isPrimitive());
        if (c == char.class || c == Character.class) return new CharScalar(c.isPrimitive());
        if (c == BigDecimal.class) return new DecimalScalar();
        if (c == BigInteger.class) return new BigIntegerScalar();
        if (c == UUID.class) return new UuidScalar();
        if (c.isEnum()) return new EnumScalar(c);
        if (c == LocalDate.class) return new TimeScalar("date_parsing", "Input should be a valid date in the format YYYY-MM-DD", LocalDate::parse);
        if (c == LocalDateTime.class) return new TimeScalar("datetime_parsing", "Input should be a valid datetime", LocalDateTime::parse);
        if (c == LocalTime.class) return new TimeScalar("time_parsing", "Input should be a valid time", LocalTime::parse);
        if (c == OffsetDateTime.class) return new TimeScalar("datetime_parsing", "Input should be a valid datetime with a time zone", OffsetDateTime::parse);
        if (c == ZonedDateTime.class) return new TimeScalar("datetime_parsing", "Input should be a valid datetime with a time zone", ZonedDateTime::parse);
        if (c == Instant.class) return new TimeScalar("datetime_parsing", "Input should be a valid datetime with a time zone", Instant::parse);
        if (c == Duration.class) return new TimeScalar("time_delta_parsing", "Input should be a valid duration in ISO 8601 format", Duration::parse);
        throw new IllegalArgumentException("not a scalar type: " + c.getName());
    }

    static final class StringScalar extends Scalar {
        @Override public Object fromString(String s) { return s; }
        @Override public ConversionException typeError() { return new ConversionException("string_type", "Input should be a valid string"); }
    }

    /** pydantic's answer for an integer that does not fit (it says so for any integer beyond what it can hold). */
    static ConversionException intTooLarge() {
        return new ConversionException("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size");
    }

    /** pydantic's answer for NaN and the infinities, which Brisk never binds. */
    static ConversionException notFinite() {
        return new ConversionException("finite_number", "Input should be a finite number");
    }

    /** An optional sign then one or more ASCII digits: an integer, whatever its size. */
    static boolean integerSyntax(String t) {
        int n = t.length(), i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (i == n) return false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** {@code inf}, {@code infinity} or {@code nan} in any case, optionally signed: pydantic reads these as non-finite floats. */
    static boolean nonFiniteWord(String t) {
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        String w = t.substring(i);
        return w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity") || w.equalsIgnoreCase("nan");
    }

    /**
     * Integral types. One rule for a value that does not fit the Java type, whatever its length or
     * form (text, JSON integer, integral JSON float): pydantic's {@code int_parsing_size}.
     */
    static final class IntegerScalar extends Scalar {
        private final boolean primitive;
        private final long min, max;
        private final int kind;

        IntegerScalar(boolean primitive, long min, long max, int kind) {
            this.primitive = primitive;
            this.min = min;
            this.max = max;
            this.kind = kind;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            String t = s.strip();
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                if (integerSyntax(t)) throw intTooLarge();
                throw new ConversionException("int_parsing", "Input should be a valid integer, unable to parse string as an integer");
            }
            return box(v);
        }

        private Object box(long v) throws ConversionException {
            if (v < min || v > max) throw intTooLarge();
            return switch (kind) {
                case 0 -> (int) v;
                case 1 -> v;
                case 2 -> (short) v;
                default -> (byte) v;
            };
        }

        @Override
        public Object fromJson(JsonNode n) throws ConversionException {
            if (n.isIntegralNumber()) {
                if (!n.canConvertToLong()) throw intTooLarge();
                return box(n.longValue());
            }
            if (n.isFloatingPointNumber()) {
                double d = n.doubleValue();
                if (!Double.isFinite(d)) throw notFinite();
                if (d != Math.rint(d)) {
                    throw new ConversionException("int_from_float", "Input should be a valid integer, got a number with a fractional part");
                }
                // 2^63 is exactly representable; every double below it in magnitude converts exactly.
                if (d >= 0x1p63 || d < -0x1p63) throw intTooLarge();
                return box((long) d);
            }
            if (n.isTextual()) return fromString(n.textValue());
            throw typeError();
        }

        @Override public ConversionException typeError() { return new ConversionException("int_type", "Input should be a valid integer"); }

        @Override public Object absent() {
            if (!primitive) return null;
            return switch (kind) { case 0 -> 0; case 1 -> 0L; case 2 -> (short) 0; default -> (byte) 0; };
        }
    }

    /** {@code double} and {@code float}: finite values only, as pydantic's {@code allow_inf_nan=False}. */
    static final class FloatScalar extends Scalar {
        private final boolean primitive, single;

        FloatScalar(boolean primitive, boolean single) {
            this.primitive = primitive;
            this.single = single;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            String t = s.strip();
            if (nonFiniteWord(t)) throw notFinite();
            double d;
            try {
                d = Double.parseDouble(t);
                // Double.parseDouble accepts "1d", "0x1p3"; pydantic does not.
                char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
                if (Character.isLetter(last) || t.startsWith("0x") || t.startsWith("0X") || t.startsWith("-0x") || t.startsWith("+0x")) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConversionException("float_parsing", "Input should be a valid number, unable to parse string as a number");
            }
            return finite(d);
        }

        private Object finite(double d) throws ConversionException {
            if (single) {
                float f = (float) d;
                if (!Float.isFinite(f)) throw notFinite();
                return f;
            }
            if (!Double.isFinite(d)) throw notFinite();
            return d;
        }

        @Override
        public Object fromJson(JsonNode n) throws ConversionException {
            if (n.isNumber()) return finite(n.doubleValue());
            if (n.isTextual()) return fromString(n.textValue());
            throw typeError();
        }

        @Override public ConversionException typeError() { return new ConversionException("float_type", "Input should be a valid number"); }
        @Override public Object absent() { return primitive ? (single ? (Object) 0f : (Object) 0d) : null; }
    }

    static final class BooleanScalar extends Scalar {
        private final boolean primitive;

        BooleanScalar(boolean primitive) {
            this.primitive = primitive;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y":
                    return Boolean.TRUE;
                case "false", "0", "no", "off", "f", "n":
                    return Boolean.FALSE;
                default:
                    throw new ConversionException("bool_parsing", "Input should be a valid boolean, unable to interpret input");
            }
        }

        @Override
        public Object fromJson(JsonNode n) throws ConversionException {
            if (n.isBoolean()) return n.booleanValue();
            if (n.isIntegralNumber() && (n.longValue() == 0 || n.longValue() == 1)) return n.longValue() == 1;
            if (n.isNumber()) throw new ConversionException("bool_parsing", "Input should be a valid boolean, unable to interpret input");
            if (n.isTextual()) return fromString(n.textValue());
            throw typeError();
        }

        @Override public ConversionException typeError() { return new ConversionException("bool_type", "Input should be a valid boolean"); }
        @Override public Object absent() { return primitive ? Boolean.FALSE : null; }
    }

    static final class CharScalar extends Scalar {
        private final boolean primitive;

        CharScalar(boolean primitive) {
            this.primitive = primitive;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            if (s.length() != 1) {
                throw new ConversionException("string_length", "String should have exactly 1 character", Map.of("length", 1));
            }
            return s.charAt(0);
        }

        @Override public ConversionException typeError() { return new ConversionException("string_type", "Input should be a valid string"); }
        @Override public Object absent() { return primitive ? (Object) (char) 0 : null; }
    }

    static final class DecimalScalar extends Scalar {
        @Override
        public Object fromString(String s) throws ConversionException {
            if (nonFiniteWord(s.strip())) throw notFinite();
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new ConversionException("decimal_parsing", "Input should be a valid decimal");
            }
        }

        @Override
        public Object fromJson(JsonNode n) throws ConversionException {
            if (n.isNumber()) {
                if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) throw notFinite();
                return n.decimalValue();
            }
            return super.fromJson(n);
        }

        @Override public ConversionException typeError() { return new ConversionException("decimal_type", "Decimal input should be an integer, float, string or Decimal object"); }
    }

    static final class BigIntegerScalar extends Scalar {
        @Override
        public Object fromString(String s) throws ConversionException {
            try {
                return new BigInteger(s.strip());
            } catch (NumberFormatException e) {
                throw new ConversionException("int_parsing", "Input should be a valid integer, unable to parse string as an integer");
            }
        }

        @Override
        public Object fromJson(JsonNode n) throws ConversionException {
            if (n.isIntegralNumber()) return n.bigIntegerValue();
            if (n.isNumber()) {
                if (!Double.isFinite(n.doubleValue())) throw notFinite();
                throw new ConversionException("int_from_float", "Input should be a valid integer, got a number with a fractional part");
            }
            return super.fromJson(n);
        }

        @Override public ConversionException typeError() { return new ConversionException("int_type", "Input should be a valid integer"); }
    }

    static final class UuidScalar extends Scalar {
        @Override
        public Object fromString(String s) throws ConversionException {
            String t = s.strip();
            if (t.length() == 36) {
                try {
                    return UUID.fromString(t);
                } catch (IllegalArgumentException ignored) {
                    // fall through
                }
            } else if (t.length() == 32 && t.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return new UUID(Long.parseUnsignedLong(t.substring(0, 16), 16), Long.parseUnsignedLong(t.substring(16), 16));
            }
            throw new ConversionException("uuid_parsing", "Input should be a valid UUID, unable to parse string as a UUID");
        }

        @Override public ConversionException typeError() { return new ConversionException("uuid_type", "UUID input should be a string, bytes or UUID object"); }
    }

    static final class EnumScalar extends Scalar {
        private final Map<String, Object> byName = new HashMap<>();
        private final String expected;

        EnumScalar(Class<?> type) {
            this(namesOf(type));
        }

        EnumScalar(Map<String, ?> names) {
            byName.putAll(names);
            var list = names.keySet().stream().map(n -> "'" + n + "'").collect(Collectors.toList());
            expected = list.size() == 1 ? list.get(0)
                    : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
        }

        /** The constants by their wire names: {@code @JsonProperty}'s value where given, else the constant's name. */
        private static Map<String, Object> namesOf(Class<?> type) {
            var names = new LinkedHashMap<String, Object>();
            for (Object constant : type.getEnumConstants()) {
                var e = (Enum<?>) constant;
                String name = e.name();
                try {
                    var jp = type.getField(e.name()).getAnnotation(JsonProperty.class);
                    if (jp != null && !jp.value().isEmpty()) name = jp.value();
                } catch (NoSuchFieldException ignored) {
                    // every enum constant is a field
                }
                names.put(name, constant);
            }
            return names;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            Object v = byName.get(s);
            if (v == null) throw new ConversionException("enum", "Input should be " + expected, Map.of("expected", expected));
            return v;
        }

        @Override public ConversionException typeError() { return new ConversionException("enum", "Input should be " + expected, Map.of("expected", expected)); }
    }

    static final class TimeScalar extends Scalar {
        interface Parser { Object parse(CharSequence s); }

        private final String type, msg;
        private final Parser parser;

        TimeScalar(String type, String msg, Parser parser) {
            this.type = type;
            this.msg = msg;
            this.parser = parser;
        }

        @Override
        public Object fromString(String s) throws ConversionException {
            try {
                return parser.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new ConversionException(type, msg);
            }
        }

        @Override public ConversionException typeError() { return new ConversionException(type, msg); }
    }
}
