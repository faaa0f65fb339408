package dev.brisk.internal.binding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves a record, or a handler's arguments, valid without Hibernate Validator when it can. Built at
 * startup only where the constraints are all common built-in ones ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty},
 * {@code @Size}, {@code @Min}, {@code @Max}, the sign constraints) on plain fields, without groups, nested
 * validation, class-level constraints or XML configuration. Each check is conservative: it answers
 * "valid" only where Hibernate Validator certainly finds no violation, and "not proven" on any violation
 * or edge it does not model (NaN, infinities, zero for a floating sign check); those values go to
 * Hibernate Validator, which writes the errors. So valid requests skip the validator's per-call
 * bookkeeping, and invalid ones are answered exactly as before.
 */
public final class Precheck {
    private static final Set<Class<? extends Annotation>> SUPPORTED = Set.of(NotNull.class, NotBlank.class, NotEmpty.class,
            Size.class, Min.class, Max.class, Positive.class, PositiveOrZero.class, Negative.class, NegativeOrZero.class);
    private static final boolean CONFIGURED_BY_FILES = configuredByFiles();

    private final Check[] checks;

    private Precheck(Check[] checks) {
        this.checks = checks;
    }

    /** True only if Hibernate Validator would find no violation in {@code bean} (an instance of the planned type). */
    public boolean provesValid(Object bean) {
        try {
            for (Check c : checks) {
                if (!c.test(bean)) return false;
            }
            return true;
        } catch (Throwable t) {
            return false;   // let the validator see it
        }
    }

    /** A precheck for {@code type}, or null when its constraints are beyond what this models. */
    public static Precheck of(Class<?> type) {
        try {
            return build(type);
        } catch (RuntimeException | LinkageError e) {
            return null;   // whatever reflection refuses, the validator handles
        }
    }

    private static Precheck build(Class<?> type) {
        if (CONFIGURED_BY_FILES || !type.isRecord() || type.getInterfaces().length != 0) return null;
        for (Annotation a : type.getAnnotations()) {
            if (Validation.isConstraint(a) || a.annotationType().getPackageName().startsWith("jakarta.validation")
                    || a.annotationType().getPackageName().startsWith("org.hibernate.validator")) {
                return null;   // class-level constraints, group sequences
            }
        }
        Set<String> accessors = new HashSet<>();
        for (RecordComponent rc : type.getRecordComponents()) accessors.add(rc.getName());
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0 && accessors.contains(m.getName())) continue;
            for (Annotation a : m.getAnnotations()) if (Validation.isConstraint(a)) return null;
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
        var checks = new ArrayList<Check>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Field f = FieldNames.field(rc);
            try {
                if (f == null || !addChecks(f, f.getAnnotatedType(), f.getType(), () -> lookup.unreflectGetter(f), checks)) return null;
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return new Precheck(checks.toArray(new Check[0]));
    }

    /**
     * A precheck for the arguments of {@code method} called on a {@code targetClass} (tests an {@code Object[]}
     * of arguments), or null when its parameter constraints are beyond what this models: cross-parameter
     * constraints, {@code @Valid}, constraints inside type arguments, or a method that overrides another
     * (the validator merges and checks constraints across the hierarchy).
     */
    public static Precheck forParameters(Method method, Class<?> targetClass) {
        try {
            return buildForParameters(method, targetClass);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Precheck buildForParameters(Method method, Class<?> targetClass) {
        if (CONFIGURED_BY_FILES || targetClass != method.getDeclaringClass() || overridesSomething(method)) return null;
        for (Annotation a : method.getAnnotations()) if (Validation.isConstraint(a)) return null;
        var checks = new ArrayList<Check>();
        var params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            var p = params[i];
            int index = i;
            Class<?> t = p.getType().isPrimitive() ? MethodType.methodType(p.getType()).wrap().returnType() : p.getType();
            MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
            GetterSource getter = () -> MethodHandles.insertArguments(element, 1, index).asType(MethodType.methodType(Object.class, Object.class));
            try {
                if (!addChecks(p, p.getAnnotatedType(), t, getter, checks)) return null;
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return new Precheck(checks.toArray(new Check[0]));
    }

    private interface GetterSource {
        MethodHandle get() throws IllegalAccessException;
    }

    /** Adds the checks of one field or parameter; false when one of its constraints is not modelled. */
    private static boolean addChecks(AnnotatedElement e, AnnotatedType type, Class<?> valueType, GetterSource getter,
                                     List<Check> out) throws IllegalAccessException {
        if (typeArgumentsConstrained(type)) return false;
        List<Annotation> constraints = new ArrayList<>();
        for (Annotation a : e.getAnnotations()) {
            if (!Validation.isConstraint(a)) continue;
            if (!SUPPORTED.contains(a.annotationType()) || groups(a).length != 0) return false;
            constraints.add(a);
        }
        if (constraints.isEmpty()) return true;
        MethodHandle g = getter.get();
        for (Annotation a : constraints) {
            Check c = check(a, valueType, g);
            if (c == null) return false;
            out.add(c);
        }
        return true;
    }

    private static boolean overridesSomething(Method m) {
        var seen = new HashSet<Class<?>>();
        var todo = new java.util.ArrayDeque<Class<?>>();
        Class<?> c = m.getDeclaringClass();
        if (c.getSuperclass() != null) todo.add(c.getSuperclass());
        todo.addAll(List.of(c.getInterfaces()));
        while (!todo.isEmpty()) {
            Class<?> k = todo.poll();
            if (k == Object.class || !seen.add(k)) continue;
            for (Method other : k.getDeclaredMethods()) {
                if (other.getName().equals(m.getName()) && other.getParameterCount() == m.getParameterCount()) return true;
            }
            if (k.getSuperclass() != null) todo.add(k.getSuperclass());
            todo.addAll(List.of(k.getInterfaces()));
        }
        return false;
    }

    private static Class<?>[] groups(Annotation a) {
        try {
            return (Class<?>[]) a.annotationType().getMethod("groups").invoke(a);
        } catch (ReflectiveOperationException e) {
            return new Class<?>[] {Precheck.class};   // unreadable: treat as grouped, i.e. unsupported
        }
    }

    private static boolean typeArgumentsConstrained(AnnotatedType t) {
        if (t instanceof AnnotatedParameterizedType p) {
            for (var arg : p.getAnnotatedActualTypeArguments()) {
                for (Annotation a : arg.getAnnotations()) if (Validation.isConstraint(a)) return true;
                if (typeArgumentsConstrained(arg)) return true;
            }
        }
        if (t instanceof AnnotatedArrayType arr) {
            var c = arr.getAnnotatedGenericComponentType();
            for (Annotation a : c.getAnnotations()) if (Validation.isConstraint(a)) return true;
            return typeArgumentsConstrained(c);
        }
        return false;
    }

    // ------------------------------------------------------------------------------------ checks

    private interface Check {
        boolean test(Object bean) throws Throwable;
    }

    private static Check check(Annotation a, Class<?> t, MethodHandle getter) {
        // The validator applies constraints on OptionalInt & co. (and custom unwrapped types) to the value inside.
        if (t.getName().startsWith("java.util.Optional") || t.getName().startsWith("javafx.")) return null;
        boolean charSeq = CharSequence.class.isAssignableFrom(t);
        boolean sized = charSeq || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
        if (a instanceof NotNull) {
            if (t.isPrimitive()) return bean -> true;
            MethodHandle g = erase(getter);
            return bean -> (Object) g.invokeExact(bean) != null;
        }
        if (a instanceof NotBlank) {
            if (!charSeq) return null;
            MethodHandle g = erase(getter);
            return bean -> (Object) g.invokeExact(bean) instanceof CharSequence s && !TextRules.isBlank(s);
        }
        if (a instanceof NotEmpty) {
            if (!sized) return null;
            MethodHandle g = erase(getter);
            return bean -> {
                Object v = (Object) g.invokeExact(bean);
                return v != null && size(v) > 0;
            };
        }
        if (a instanceof Size s) {
            if (!sized) return null;
            int min = s.min(), max = s.max();
            MethodHandle g = erase(getter);
            if (charSeq) {
                return bean -> (Object) g.invokeExact(bean) instanceof CharSequence v ? TextRules.lengthWithin(v, min, max) : true;
            }
            return bean -> {
                Object v = (Object) g.invokeExact(bean);
                if (v == null) return true;
                int n = size(v);
                return n >= min && n <= max;
            };
        }
        if (a instanceof Min m) return integral(t, getter, m.value(), Long.MAX_VALUE);
        if (a instanceof Max m) return integral(t, getter, Long.MIN_VALUE, m.value());
        if (a instanceof Positive) return sign(t, getter, 1, Long.MAX_VALUE, true);
        if (a instanceof PositiveOrZero) return sign(t, getter, 0, Long.MAX_VALUE, true);
        if (a instanceof Negative) return sign(t, getter, Long.MIN_VALUE, -1, false);
        if (a instanceof NegativeOrZero) return sign(t, getter, Long.MIN_VALUE, 0, false);
        return null;
    }

    private static int size(Object v) {
        if (v instanceof CharSequence s) return s.length();
        if (v instanceof Collection<?> c) return c.size();
        return ((Map<?, ?>) v).size();
    }

    private static boolean isIntegral(Class<?> t) {
        return t == int.class || t == long.class || t == short.class || t == byte.class
                || t == Integer.class || t == Long.class || t == Short.class || t == Byte.class;
    }

    /** Integral values within [min, max]; null is valid, as for every constraint but the not-null ones. */
    private static Check integral(Class<?> t, MethodHandle getter, long min, long max) {
        if (!isIntegral(t)) return null;
        if (t.isPrimitive()) {
            MethodHandle g = getter.asType(MethodType.methodType(long.class, Object.class));
            return bean -> {
                long v = (long) g.invokeExact(bean);
                return v >= min && v <= max;
            };
        }
        MethodHandle g = erase(getter);
        return bean -> {
            Object v = (Object) g.invokeExact(bean);
            if (v == null) return true;
            long l = ((Number) v).longValue();
            return l >= min && l <= max;
        };
    }

    /**
     * Sign constraints: exact for integral types; for floating point only finite values strictly on the
     * right side of zero are proven (zero, NaN and infinities are left to the validator).
     */
    private static Check sign(Class<?> t, MethodHandle getter, long min, long max, boolean positive) {
        if (isIntegral(t)) return integral(t, getter, min, max);
        if (t == double.class || t == float.class) {
            MethodHandle g = getter.asType(MethodType.methodType(double.class, Object.class));
            return bean -> {
                double d = (double) g.invokeExact(bean);
                return Double.isFinite(d) && (positive ? d > 0 : d < 0);
            };
        }
        if (t == Double.class || t == Float.class) {
            MethodHandle g = erase(getter);
            return bean -> {
                Object v = (Object) g.invokeExact(bean);
                if (v == null) return true;
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) && (positive ? d > 0 : d < 0);
            };
        }
        return null;
    }

    private static MethodHandle erase(MethodHandle getter) {
        return getter.asType(MethodType.methodType(Object.class, Object.class));
    }

    /** Constraints from validation.xml, extra validators or value extractors registered as services: beyond this class's knowledge. */
    private static boolean configuredByFiles() {
        var cl = Precheck.class.getClassLoader();
        var ctx = Thread.currentThread().getContextClassLoader();
        for (var loader : ctx == null ? List.of(cl) : List.of(cl, ctx)) {
            if (loader.getResource("META-INF/validation.xml") != null
                    || loader.getResource("META-INF/services/jakarta.validation.ConstraintValidator") != null
                    || loader.getResource("META-INF/services/jakarta.validation.valueextraction.ValueExtractor") != null) {
                return true;
            }
        }
        return false;
    }
}
