package dev.brisk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writers of plain values that need no databind: records without Jackson annotations whose components are
 * strings, numbers, booleans, enums, plain records, or lists and sets of them. Each is written through the
 * generator with the calls Jackson's own serializers make for those types (with Brisk's mapper configuration:
 * nulls included, enums by name, record components in declaration order), so the bytes are the mapper's
 * ({@code PlainJsonWritesWhatJacksonWritesTest} holds that). Anything else, and any type Jackson would treat
 * otherwise (an annotation of Jackson's anywhere on it, a getter besides the components, {@code JsonSerializable}),
 * is left to the mapper: {@link #writer} answers empty. Accessors are method handles made here, once per type,
 * typed for primitives so that nothing is boxed per value.
 */
public final class PlainJson {
    private static final String JACKSON = "com.fasterxml.jackson.";

    private PlainJson() {
    }

    /** The writer of values of {@code type} when it is plain, else empty (the mapper writes it). */
    public static Optional<ValueWriter> writer(Type type) {
        try {
            return Optional.ofNullable(compile(type, new HashSet<>()));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();   // e.g. an accessor this module may not reach: Jackson's affair then
        }
    }

    /** Whether {@link #writer} has a writer for {@code type}. */
    public static boolean isPlain(Type type) {
        return writer(type).isPresent();
    }

    /** null: not plain. {@code open}: records being compiled (a cycle is left to Jackson). */
    private static ValueWriter compile(Type type, Set<Class<?>> open) throws IllegalAccessException {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (raw != List.class && raw != Collection.class && raw != Set.class && raw != ArrayList.class) return null;
            ValueWriter element = compile(p.getActualTypeArguments()[0], open);
            return element == null ? null : collection(element);
        }
        if (!(type instanceof Class<?> c)) return null;
        ValueWriter scalar = scalar(c);
        if (scalar != null) return scalar;
        if (c.isEnum() && plainType(c)) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeString(((Enum<?>) v).name());
        };
        if (c.isRecord()) return record(c, open);
        return null;
    }

    private static ValueWriter scalar(Class<?> c) {
        if (c == String.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeString((String) v);
        };
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class || c == Byte.class || c == byte.class) {
            return (g, v) -> {
                if (v == null) g.writeNull();
                else g.writeNumber(((Number) v).intValue());
            };
        }
        if (c == Long.class || c == long.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeNumber((long) (Long) v);
        };
        if (c == Double.class || c == double.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeNumber((double) (Double) v);
        };
        if (c == Float.class || c == float.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeNumber((float) (Float) v);
        };
        if (c == Boolean.class || c == boolean.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeBoolean((Boolean) v);
        };
        if (c == BigDecimal.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeNumber((BigDecimal) v);
        };
        if (c == BigInteger.class) return (g, v) -> {
            if (v == null) g.writeNull();
            else g.writeNumber((BigInteger) v);
        };
        return null;
    }

    private static ValueWriter collection(ValueWriter element) {
        return (g, v) -> {
            if (v == null) {
                g.writeNull();
                return;
            }
            g.writeStartArray();
            if (v instanceof List<?> l && l instanceof java.util.RandomAccess) {
                for (int i = 0, n = l.size(); i < n; i++) element.write(g, l.get(i));
            } else {
                for (Object o : (Collection<?>) v) element.write(g, o);
            }
            g.writeEndArray();
        };
    }

    /**
     * Writes a tree of the standard nodes (objects, arrays, text, numbers, booleans, null) with the calls the
     * nodes' own serializers make under Brisk's mapper, which writes empty arrays and null properties. A binary
     * or POJO node needs the mapper: {@link IOException}.
     */
    public static final ValueWriter TREE = (g, v) -> writeTree(g, (com.fasterxml.jackson.databind.JsonNode) v);

    private static void writeTree(JsonGenerator g, com.fasterxml.jackson.databind.JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (var e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    writeTree(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (var child : n) writeTree(g, child);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            default -> throw new IOException("a " + n.getNodeType() + " node is written by the mapper");
        }
    }

    /** One component of a record: its name, written once as JSON, and how to write its value. */
    @FunctionalInterface
    private interface Component {
        void write(JsonGenerator g, Object record) throws IOException;
    }

    private static ValueWriter record(Class<?> c, Set<Class<?>> open) throws IllegalAccessException {
        if (!open.add(c)) return null;
        try {
            if (!plainType(c)) return null;
            RecordComponent[] rc = c.getRecordComponents();
            for (RecordComponent r : rc) if (!plainName(r.getName()) || jackson(r)) return null;
            if (extraGetter(c, rc)) return null;
            Component[] components = new Component[rc.length];
            for (int i = 0; i < rc.length; i++) {
                Component w = component(rc[i], open);
                if (w == null) return null;
                components[i] = w;
            }
            return (g, v) -> {
                if (v == null) {
                    g.writeNull();
                    return;
                }
                g.writeStartObject();
                for (Component w : components) w.write(g, v);
                g.writeEndObject();
            };
        } finally {
            open.remove(c);
        }
    }

    private static Component component(RecordComponent r, Set<Class<?>> open) throws IllegalAccessException {
        SerializableString name = new SerializedString(r.getName());
        Method accessor = r.getAccessor();
        accessor.setAccessible(true);
        MethodHandle raw = MethodHandles.lookup().unreflect(accessor);
        Class<?> t = r.getType();
        if (t == int.class || t == short.class || t == byte.class) {
            MethodHandle h = raw.asType(MethodType.methodType(int.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                g.writeNumber(intOf(h, v));
            };
        }
        if (t == long.class) {
            MethodHandle h = raw.asType(MethodType.methodType(long.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                g.writeNumber(longOf(h, v));
            };
        }
        if (t == double.class) {
            MethodHandle h = raw.asType(MethodType.methodType(double.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                g.writeNumber(doubleOf(h, v));
            };
        }
        if (t == float.class) {
            MethodHandle h = raw.asType(MethodType.methodType(float.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                g.writeNumber(floatOf(h, v));
            };
        }
        if (t == boolean.class) {
            MethodHandle h = raw.asType(MethodType.methodType(boolean.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                g.writeBoolean(booleanOf(h, v));
            };
        }
        if (t == String.class) {
            MethodHandle h = raw.asType(MethodType.methodType(String.class, Object.class));
            return (g, v) -> {
                g.writeFieldName(name);
                String s = stringOf(h, v);
                if (s == null) g.writeNull();
                else g.writeString(s);
            };
        }
        ValueWriter w = compile(r.getGenericType(), open);
        if (w == null) return null;
        MethodHandle h = raw.asType(MethodType.methodType(Object.class, Object.class));
        return (g, v) -> {
            g.writeFieldName(name);
            w.write(g, objectOf(h, v));
        };
    }

    // The accessors are a record's own: they throw only what the record's code throws.
    private static int intOf(MethodHandle h, Object v) {
        try {
            return (int) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static long longOf(MethodHandle h, Object v) {
        try {
            return (long) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static double doubleOf(MethodHandle h, Object v) {
        try {
            return (double) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static float floatOf(MethodHandle h, Object v) {
        try {
            return (float) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static boolean booleanOf(MethodHandle h, Object v) {
        try {
            return (boolean) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static String stringOf(MethodHandle h, Object v) {
        try {
            return (String) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static Object objectOf(MethodHandle h, Object v) {
        try {
            return (Object) h.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);   // a record accessor cannot throw a checked exception
    }

    /** A record or enum type with nothing of Jackson's on it, that Jackson would not write by a method of its own. */
    private static boolean plainType(Class<?> c) {
        if (jackson(c) || serializesItself(c)) return false;
        for (Field f : c.getDeclaredFields()) if (jackson(f)) return false;
        for (Method m : c.getDeclaredMethods()) {
            if (jackson(m)) return false;
            for (var pa : m.getParameterAnnotations()) if (jackson(pa)) return false;
        }
        for (Method m : c.getMethods()) if (jackson(m)) return false;   // inherited from an interface, too
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (jackson(k)) return false;
            for (var pa : k.getParameterAnnotations()) if (jackson(pa)) return false;
        }
        return true;
    }

    private static boolean serializesItself(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) if (i.getName().startsWith(JACKSON) || serializesItself(i)) return true;
        }
        return false;
    }

    /**
     * A public no-argument {@code getX()} or {@code isX()} besides the accessors: Jackson writes it as a property
     * too. (Component names that look like one are refused by {@link #plainName}.)
     */
    private static boolean extraGetter(Class<?> c, RecordComponent[] rc) {
        var accessors = new HashSet<String>();
        for (RecordComponent r : rc) accessors.add(r.getName());
        for (Method m : c.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) continue;
            String n = m.getName();
            if (accessors.contains(n)) continue;
            if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) return true;
            if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) return true;
        }
        return false;
    }

    /** Names that Jackson's getter rules could rename ({@code isActive}, {@code getName}) stay with Jackson. */
    private static boolean plainName(String n) {
        return !(n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2)))
                && !(n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3)));
    }

    private static boolean jackson(AnnotatedElement e) {
        return jackson(e.getAnnotations());
    }

    private static boolean jackson(Annotation[] annotations) {
        for (Annotation a : annotations) if (a.annotationType().getName().startsWith(JACKSON)) return true;
        return false;
    }
}
