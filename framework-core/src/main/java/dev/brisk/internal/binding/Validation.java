package dev.brisk.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.internal.binding.BodyReader.Types;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.Valid;
import jakarta.validation.executable.ExecutableValidator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bean Validation, started only when some route has constraints, and the mapping of its violations
 * to FastAPI-shaped errors (type, loc with JSON names, message, ctx).
 */
public final class Validation {
    private static volatile Validator validator;
    private static volatile ExecutableValidator executable;

    private Validation() {
    }

    /**
     * The shared validator (Hibernate Validator with the EL-free parameter interpolator, and Brisk's
     * {@link TextRules} for {@code @Size}, {@code @Length} and {@code @NotBlank}); thread-safe.
     */
    public static Validator validator() {
        var v = validator;
        if (v == null) {
            synchronized (Validation.class) {
                v = validator;
                if (v == null) {
                    ValidatorLogging.quietVersionLine();
                    HibernateValidatorConfiguration config = jakarta.validation.Validation.byProvider(HibernateValidator.class).configure();
                    config.messageInterpolator(new ParameterMessageInterpolator());
                    config.addMapping(textRules(config));
                    ValidatorFactory factory = config.buildValidatorFactory();
                    executable = factory.getValidator().forExecutables();
                    validator = v = factory.getValidator();
                }
            }
        }
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConstraintMapping textRules(HibernateValidatorConfiguration config) {
        ConstraintMapping mapping = config.createConstraintMapping();
        TextRules.validators().forEach((constraint, validators) -> {
            var definition = mapping.constraintDefinition((Class) constraint).includeExistingValidators(false);
            for (Class<?> validator : validators) definition.validatedBy((Class) validator);
        });
        return mapping;
    }

    /**
     * Forgets the validator and what it cached: the metadata of every class it validated. Dev mode
     * calls it when it drops an old generation of the app, whose classes the caches would keep; the
     * next validation starts a new validator.
     */
    public static void reset() {
        synchronized (Validation.class) {
            validator = null;
            executable = null;
            CTX.clear();
        }
    }

    public static ExecutableValidator executable() {
        var e = executable;
        if (e == null) {
            synchronized (Validation.class) {
                validator();
                e = executable;
            }
        }
        return e;
    }

    /** Starts Hibernate Validator and builds its metadata for these types now, not on a first request. */
    public static void warmUp(Iterable<Class<?>> types) {
        var v = validator();
        for (Class<?> t : types) v.getConstraintsForClass(t);
    }

    // ---------------------------------------------------------------- startup: is anything constrained?

    /** True if the parameter or anything reachable from its type carries a constraint or {@code @Valid}. */
    public static boolean constrained(Parameter p) {
        return hasConstraint(p) || hasConstraint(p.getAnnotatedType(), new HashSet<>());
    }

    /** True if a record component (or the field behind it) carries a constraint, on itself or on its type arguments. */
    public static boolean componentConstrained(RecordComponent rc) {
        var f = FieldNames.field(rc);
        return hasConstraint(rc) || hasConstraint(f) || hasTypeArgumentConstraint(rc.getAnnotatedType());
    }

    private static boolean hasTypeArgumentConstraint(AnnotatedType t) {
        if (t instanceof AnnotatedParameterizedType p) {
            for (var a : p.getAnnotatedActualTypeArguments()) if (hasConstraint(a) || hasTypeArgumentConstraint(a)) return true;
        }
        if (t instanceof AnnotatedArrayType a) {
            var c = a.getAnnotatedGenericComponentType();
            return hasConstraint(c) || hasTypeArgumentConstraint(c);
        }
        return false;
    }

    /** True if values of this type carry constraints (record components, fields, nested types). */
    public static boolean typeConstrained(Type t) {
        return typeConstrained(Types.raw(t), new HashSet<>());
    }

    private static boolean hasConstraint(AnnotatedElement e) {
        if (e == null) return false;
        for (Annotation a : e.getAnnotations()) {
            if (isConstraint(a)) return true;
        }
        return false;
    }

    /** True if {@code a} is {@code @Valid}, a Bean Validation constraint, or a container of constraints such as {@code @Pattern.List}. */
    public static boolean isConstraint(Annotation a) {
        return CONSTRAINT_TYPES.get(a.annotationType());
    }

    /** Per annotation type (kept on the class itself, so a dev-mode generation's types stay collectable). */
    private static final ClassValue<Boolean> CONSTRAINT_TYPES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return constraintType(type);
        }
    };

    private static boolean constraintType(Class<?> t) {
        // The built-in constraints and their containers are known by their package: asking an annotation type for
        // its own annotations makes the JDK write a proxy class for each meta-annotation type it has not met yet
        // (@Constraint, @Repeatable, @Documented, @Target: ~3 ms apiece while an app starts).
        String pkg = t.getPackageName();
        if (t == Valid.class || pkg.equals(BUILT_IN_CONSTRAINTS)) return true;
        if (NEVER_CONSTRAINTS.contains(pkg)) return false;
        if (t.isAnnotationPresent(jakarta.validation.Constraint.class)) return true;
        try {
            Method value = t.getMethod("value");
            return value.getReturnType().isArray() && value.getReturnType().getComponentType().isAnnotation()
                    && value.getReturnType().getComponentType().isAnnotationPresent(jakarta.validation.Constraint.class);
        } catch (NoSuchMethodException notAContainer) {
            return false;
        }
    }

    private static final String BUILT_IN_CONSTRAINTS = "jakarta.validation.constraints";
    /** Packages whose annotations are known not to be constraints: Brisk's own, Jackson's, the JDK's. */
    private static final Set<String> NEVER_CONSTRAINTS = Set.of("dev.brisk", "dev.brisk.security", "dev.brisk.cache", "dev.brisk.test",
            "com.fasterxml.jackson.annotation", "com.fasterxml.jackson.databind.annotation", "java.lang", "java.lang.annotation");

    private static boolean hasConstraint(AnnotatedType t, Set<Class<?>> seen) {
        if (t == null) return false;
        if (hasConstraint(t)) return true;
        if (t instanceof AnnotatedParameterizedType p) {
            for (var a : p.getAnnotatedActualTypeArguments()) if (hasConstraint(a, seen)) return true;
        }
        if (t instanceof AnnotatedArrayType a && hasConstraint(a.getAnnotatedGenericComponentType(), seen)) return true;
        return typeConstrained(Types.raw(t.getType()), seen);
    }

    private static boolean typeConstrained(Class<?> c, Set<Class<?>> seen) {
        if (c.isPrimitive() || c.isArray() && c.getComponentType().isPrimitive() || c.getName().startsWith("java.") || !seen.add(c)) {
            return false;
        }
        if (hasConstraint(c)) return true;
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (hasConstraint(rc) || hasConstraint(rc.getAnnotatedType(), seen)) return true;
            }
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (hasConstraint(f) || hasConstraint(f.getAnnotatedType(), seen)) return true;
            }
            for (Method m : k.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && hasConstraint(m)) return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- request time: violations -> errors

    /**
     * Adds one error per violation of {@code validateParameters}: {@code targetOfParam} says where each
     * parameter's errors go; {@code json} is the request body tree (inputs of body errors are shown as sent).
     */
    public static void report(Set<? extends ConstraintViolation<?>> violations, Errors errors,
                              java.util.function.IntFunction<Target> targetOfParam, JsonNode json) {
        int before = errors.list().size();
        for (var v : violations) {
            var it = v.getPropertyPath().iterator();
            Target target = null;
            while (it.hasNext()) {
                Path.Node node = it.next();
                if (node.getKind() == ElementKind.PARAMETER) {
                    target = targetOfParam.apply(node.as(Path.ParameterNode.class).getParameterIndex());
                    break;
                }
            }
            if (target == null) continue;
            var loc = locOf(it, target.loc, target.type);
            Object input = target.rawInput != null && loc.size() == target.loc.size() ? target.rawInput : v.getInvalidValue();
            add(v, loc, input, errors, before, json);
        }
    }

    /**
     * Adds one error per violation of {@code validator.validate(value)} for a body value found at
     * {@code rootLoc}; {@code json} is the request body tree (inputs are shown as sent).
     */
    public static void reportBean(Set<? extends ConstraintViolation<?>> violations, Errors errors, List<Object> rootLoc, Type rootType,
                                  JsonNode json) {
        int before = errors.list().size();
        for (var v : violations) {
            add(v, locOf(v.getPropertyPath().iterator(), rootLoc, rootType), v.getInvalidValue(), errors, before, json);
        }
    }

    /** Extends {@code root} with the JSON names and indexes of the remaining path nodes. */
    private static List<Object> locOf(java.util.Iterator<Path.Node> nodes, List<Object> root, Type rootType) {
        List<Object> loc = new ArrayList<>(root.size() + 4);
        loc.addAll(root);
        Type type = rootType;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (key != null) loc.add(key instanceof Integer ? key : String.valueOf(key));
                type = elementType(type);
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                var named = property(type, node.getName());
                loc.add(named.name);
                type = named.type;
            }
        }
        return loc;
    }

    /**
     * Adds the error unless one of the first {@code before} errors (a value that was missing or could not
     * be read) sits at the same place; a body input is taken from the request's JSON when it is there.
     */
    private static void add(ConstraintViolation<?> v, List<Object> loc, Object input, Errors errors, int before, JsonNode json) {
        if (errors.hasAt(loc, before)) return;
        if (json != null && "body".equals(loc.get(0))) {
            JsonNode n = json;
            for (int i = 1; i < loc.size() && n != null; i++) {
                Object part = loc.get(i);
                n = part instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(part));
            }
            if (n != null) input = n;
        }
        add(v, loc, input, errors);
    }

    /** Where a validated parameter's errors go. */
    public record Target(List<Object> loc, Type type, Object rawInput) {
    }

    private record Named(String name, Type type) {
    }

    /** The element type of a collection, map (its values), array or Optional; {@code Object} otherwise. */
    public static Type elementType(Type t) {
        Class<?> raw = Types.raw(t);
        if (Map.class.isAssignableFrom(raw)) return Types.arg(t, 1);
        if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) return Types.arg(t, 0);
        if (raw.isArray()) return raw.getComponentType();
        return Object.class;
    }

    private static Named property(Type owner, String javaName) {
        var fi = FieldNames.of(Types.raw(owner)).java(javaName);
        return fi == null ? new Named(javaName, Object.class) : new Named(fi.jsonName(), fi.type());
    }

    private static void add(ConstraintViolation<?> v, List<Object> loc, Object input, Errors errors) {
        var desc = v.getConstraintDescriptor();
        Annotation a = desc.getAnnotation();
        String name = a.annotationType().getSimpleName();
        String type = snake(name);
        Map<String, Object> ctx = ctx(a);
        String template = desc.getMessageTemplate();
        String msg = null;
        if (template.startsWith("{jakarta.validation.constraints.") || template.startsWith("{org.hibernate.validator.constraints.")) {
            msg = message(name, ctx, v.getInvalidValue());
        }
        if (msg == null) msg = v.getMessage();
        if (input instanceof JsonNode) {
            // keep as is
        }
        errors.add(type, loc, msg, input, ctx);
    }

    static String snake(String camel) {
        var sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final Map<Annotation, Map<String, Object>> CTX = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Object> ctx(Annotation a) {
        return CTX.computeIfAbsent(a, Validation::readCtx);
    }

    private static Map<String, Object> readCtx(Annotation a) {
        var out = new LinkedHashMap<String, Object>();
        for (Method m : a.annotationType().getDeclaredMethods()) {
            String n = m.getName();
            if (n.equals("message") || n.equals("groups") || n.equals("payload") || n.equals("flags")) continue;
            try {
                Object value = m.invoke(a);
                Object def = m.getDefaultValue();
                if (def != null && java.util.Objects.deepEquals(def, value)) continue;
                if (value == null || value.getClass().isArray() || value instanceof Annotation) continue;
                out.put(n, value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value);
            } catch (ReflectiveOperationException ignored) {
                // skip unreadable attributes
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String what(Object value) {
        if (value instanceof CharSequence) return "String";
        if (value instanceof Map<?, ?>) return "Dictionary";
        if (value instanceof Collection<?> || value != null && value.getClass().isArray()) return "List";
        return "Input";
    }

    private static String message(String constraint, Map<String, Object> ctx, Object value) {
        String what = what(value);
        String unit = what.equals("String") ? "character" : "item";
        return switch (constraint) {
            case "NotNull" -> "Input should not be null";
            case "Null" -> "Input should be null";
            case "NotBlank" -> "String should not be blank";
            case "NotEmpty" -> what + " should not be empty";
            case "Size", "Length", "CodePointLength" -> {
                long min = ((Number) ctx.getOrDefault("min", 0)).longValue();
                Object maxObj = ctx.get("max");
                if (maxObj == null) yield what + " should have at least " + min + " " + unit + (min == 1 ? "" : "s");
                long max = ((Number) maxObj).longValue();
                if (min == 0) yield what + " should have at most " + max + " " + unit + (max == 1 ? "" : "s");
                yield what + " should have between " + min + " and " + max + " " + unit + "s";
            }
            case "Min" -> "Input should be greater than or equal to " + ctx.get("value");
            case "Max" -> "Input should be less than or equal to " + ctx.get("value");
            case "DecimalMin" -> "Input should be greater than " + (Boolean.FALSE.equals(ctx.get("inclusive")) ? "" : "or equal to ") + ctx.get("value");
            case "DecimalMax" -> "Input should be less than " + (Boolean.FALSE.equals(ctx.get("inclusive")) ? "" : "or equal to ") + ctx.get("value");
            case "Positive" -> "Input should be greater than 0";
            case "PositiveOrZero" -> "Input should be greater than or equal to 0";
            case "Negative" -> "Input should be less than 0";
            case "NegativeOrZero" -> "Input should be less than or equal to 0";
            case "Pattern" -> "String should match pattern '" + ctx.get("regexp") + "'";
            case "Email" -> "Value is not a valid email address";
            case "AssertTrue" -> "Input should be true";
            case "AssertFalse" -> "Input should be false";
            case "Past" -> "Input should be in the past";
            case "PastOrPresent" -> "Input should be in the past or now";
            case "Future" -> "Input should be in the future";
            case "FutureOrPresent" -> "Input should be in the future or now";
            default -> null;
        };
    }
}
