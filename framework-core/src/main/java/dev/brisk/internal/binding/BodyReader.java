package dev.brisk.internal.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.json.JsonSupport;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a parsed JSON tree into a Java value of a declared type, reporting every problem with its
 * FastAPI location instead of stopping at the first. Plans are compiled once per type.
 */
public final class BodyReader {
    private final JsonSupport json;
    private final Map<Type, Plan> plans = new ConcurrentHashMap<>();

    /** Plans for the app's JSON: records and plain fields need no mapper; beans, trees and the rest make it. */
    public BodyReader(JsonSupport json) {
        this.json = json;
    }

    /** Over a mapper made already (tests, benchmarks). */
    public BodyReader(ObjectMapper mapper) {
        this(JsonSupport.of(mapper));
    }

    /**
     * A compiled reader for one type. How it meets a JSON {@code null} is part of the type, so that the
     * binder and the OpenAPI document (see {@link #nullableField}) agree: {@code Optional}, {@code JsonNode}
     * and {@code Object} take it as a value; other reference types (strings, boxed numbers, records) may
     * stand for "no value" in a field that is not required; primitives and collections never do.
     */
    public abstract static class Plan {
        /** Reads {@code n} (never a JSON null); returns a placeholder and records errors on failure. */
        public abstract Object read(JsonNode n, Loc loc, Errors errors);

        /** The value for an absent, optional field. */
        public Object absent() {
            return null;
        }

        /** True when a JSON null is a value of this type ({@code Optional.empty()}, {@code NullNode}). */
        boolean nullIsValue() {
            return false;
        }

        /** That value. */
        Object nullValue() {
            return null;
        }

        /** True when a field of this type that is not required may be null (it is then documented as nullable). */
        boolean nullable() {
            return true;
        }

        /** Records this type's error for a JSON null where none is allowed; returns a placeholder. */
        Object rejectNull(Loc loc, Errors errors) {
            objectTypeError(NullNode.instance, loc, errors);
            return null;
        }

        /** A JSON null as an element of a list, set, array or map: a value only for types whose values include it. */
        final Object readNullElement(Loc loc, Errors errors) {
            return nullIsValue() ? nullValue() : rejectNull(loc, errors);
        }
    }

    public Plan plan(Type type) {
        var p = plans.get(type);
        if (p != null) return p;
        // Placeholder breaks recursion for self-referencing records.
        var lazy = new LazyPlan();
        var prev = plans.putIfAbsent(type, lazy);
        if (prev != null) return prev;
        Plan real;
        try {
            real = build(type);
        } catch (RuntimeException | Error e) {
            plans.remove(type, lazy);
            throw e;
        }
        lazy.target = real;
        plans.put(type, real);
        return real;
    }

    private static final class LazyPlan extends Plan {
        volatile Plan target;
        @Override public Object read(JsonNode n, Loc loc, Errors errors) { return target.read(n, loc, errors); }
        @Override public Object absent() { return target.absent(); }
        @Override boolean nullIsValue() { return target.nullIsValue(); }
        @Override Object nullValue() { return target.nullValue(); }
        @Override boolean nullable() { return target.nullable(); }
        @Override Object rejectNull(Loc loc, Errors errors) { return target.rejectNull(loc, errors); }
    }

    private Plan build(Type type) {
        Class<?> raw = Types.raw(type);
        if (raw == Optional.class) return new OptionalPlan(plan(Types.arg(type, 0)));
        if (Scalar.isScalar(raw)) return new ScalarPlan(Scalar.of(raw), raw.isPrimitive());
        if (raw == JsonNode.class || raw == Object.class) return new TreePlan(json, raw);
        if (raw.isArray()) {
            Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            return new ArrayPlan(Types.raw(component), plan(component));
        }
        if (Collection.class.isAssignableFrom(raw) && (raw.isInterface() || raw == ArrayList.class || raw == LinkedHashSet.class)) {
            return new CollectionPlan(Set.class.isAssignableFrom(raw), plan(Types.arg(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw) && (raw.isInterface() || raw == LinkedHashMap.class || raw == HashMap.class)) {
            Class<?> key = Types.raw(Types.arg(type, 0));
            if (key == String.class || key == Object.class || Scalar.isScalar(key)) {
                return new MapPlan(key == Object.class ? Scalar.of(String.class) : Scalar.of(key), plan(Types.arg(type, 1)));
            }
        }
        if (raw.isRecord()) return recordPlan(raw);
        return beanPlanOrJackson(type, raw);
    }

    /**
     * Brisk's rule for body fields: required when primitive or marked @NotNull, @NotBlank or @NotEmpty,
     * unless it has a {@link dev.brisk.Default}.
     */
    public static boolean requiredField(Class<?> type, AnnotatedElement... elements) {
        if (FieldDefaults.raw(elements) != null) return false;
        if (type.isPrimitive()) return true;
        for (var e : elements) {
            if (e == null) continue;
            if (e.isAnnotationPresent(NotNull.class) || e.isAnnotationPresent(NotBlank.class) || e.isAnnotationPresent(NotEmpty.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a body field may be JSON {@code null} (or is sent as {@code null}) without being an
     * {@code Optional}: a reference type that is neither a collection, a map nor an array, not required
     * and without a default. The binder's plans follow the same rule; the document shows such fields as
     * {@code anyOf [<type>, {"type": "null"}]}.
     */
    public static boolean nullableField(Class<?> type, AnnotatedElement... elements) {
        if (type.isPrimitive() || type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Optional.class || type == Object.class || JsonNode.class.isAssignableFrom(type)
                || FieldDefaults.raw(elements) != null) {
            return false;
        }
        return !requiredField(type, elements);
    }

    /** The JSON name of a record component or field (Jackson's {@code @JsonProperty} honoured). */
    public static String jsonName(String javaName, AnnotatedElement... elements) {
        for (var e : elements) {
            if (e == null) continue;
            var jp = e.getAnnotation(JsonProperty.class);
            if (jp != null && !jp.value().isEmpty()) return jp.value();
        }
        return javaName;
    }

    private Plan recordPlan(Class<?> raw) {
        RecordComponent[] comps = raw.getRecordComponents();
        var fields = new FieldSpec[comps.length];
        var types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            var c = comps[i];
            Field f = FieldNames.field(c);
            types[i] = c.getType();
            fields[i] = field(raw, c, f, plan(c.getGenericType()));
        }
        try {
            Constructor<?> ctor = raw.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return new RecordPlan(raw, fields, ctor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot construct record " + raw.getName() + ": " + e, e);
        }
    }

    /** One record component: its JSON name, plan, required flag and {@code @Default} (checked here: startup fails on a bad one). */
    private FieldSpec field(Class<?> record, RecordComponent c, Field f, Plan plan) {
        String name = jsonName(c.getName(), c, f, c.getAccessor());
        boolean required = requiredField(c.getType(), c, f, c.getAccessor());
        String raw = FieldDefaults.raw(c);
        if (raw == null) return new FieldSpec(name, plan, required);
        try {
            if (FieldDefaults.isText(c.getGenericType())) {
                Object value = FieldDefaults.text(c.getGenericType(), raw);
                checkConstraints(record, c, value);
                return new FieldSpec(name, plan, false, value, null);
            }
            FieldDefaults.checkJsonSyntax(raw);
            JsonNode tree;
            try {
                tree = json.mapper().readTree(raw);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("@Default(\"" + raw + "\") is not JSON (" + e.getMessage() + ")");
            }
            var errors = new Errors();
            Object value = plan.read(tree, Loc.root("default"), errors);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("@Default(" + raw + ") does not fit " + c.getGenericType().getTypeName() + ": " + messages(errors));
            }
            checkConstraints(record, c, value);
            return new FieldSpec(name, plan, false, null, tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FieldDefaults.describe(c) + ": " + e.getMessage(), e);
        }
    }

    /** A default must itself be valid: a request that leaves the field out must not fail on a value it never sent. */
    private static void checkConstraints(Class<?> record, RecordComponent c, Object value) {
        if (!Validation.componentConstrained(c)) return;
        var errors = new Errors();
        Validation.reportBean(Validation.validator().validateValue(record, c.getName(), value), errors, List.of("default"), record, null);
        if (!errors.isEmpty()) throw new IllegalArgumentException("@Default breaks the component's constraints: " + messages(errors));
    }

    private static String messages(Errors errors) {
        var sb = new StringBuilder();
        for (var e : errors.list()) {
            if (sb.length() > 0) sb.append("; ");
            var loc = e.loc().subList(1, e.loc().size());
            if (!loc.isEmpty()) sb.append(loc).append(' ');
            sb.append(e.msg());
        }
        return sb.toString();
    }

    private Plan beanPlanOrJackson(Type type, Class<?> raw) {
        ObjectMapper mapper = json.mapper();
        JavaType jt = mapper.constructType(type);
        if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers()) && raw.getPackageName().startsWith("java.") == false) {
            try {
                var ctor = raw.getDeclaredConstructor();
                ctor.setAccessible(true);
                var desc = mapper.getDeserializationConfig().introspect(jt);
                var props = new ArrayList<BeanProp>();
                for (var p : desc.findProperties()) {
                    if (!p.couldDeserialize()) continue;
                    var mutator = p.getMutator();
                    if (mutator == null) continue;
                    MethodHandle setter;
                    Type ptype;
                    AnnotatedElement field = p.hasField() ? p.getField().getAnnotated() : null;
                    AnnotatedElement getter = p.hasGetter() ? p.getGetter().getAnnotated() : null;
                    if (mutator.getMember() instanceof java.lang.reflect.Method m) {
                        m.setAccessible(true);
                        setter = MethodHandles.lookup().unreflect(m);
                        ptype = m.getGenericParameterTypes()[0];
                    } else if (mutator.getMember() instanceof Field f) {
                        if (Modifier.isFinal(f.getModifiers())) continue;
                        f.setAccessible(true);
                        setter = MethodHandles.lookup().unreflectSetter(f);
                        ptype = f.getGenericType();
                    } else {
                        continue;
                    }
                    setter = setter.asType(MethodType.methodType(void.class, Object.class, Object.class));
                    Class<?> praw = Types.raw(ptype);
                    props.add(new BeanProp(new FieldSpec(p.getName(), plan(ptype), requiredField(praw, field, getter,
                            mutator.getAnnotated())), setter));
                }
                MethodHandle mh = MethodHandles.lookup().unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
                return new BeanPlan(raw, props.toArray(BeanProp[]::new), mh);
            } catch (NoSuchMethodException e) {
                // no default constructor: let Jackson try (creators, builders)
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return new JacksonPlan(mapper, jt);
    }

    /** A body field: JSON name, plan, whether absence is an error, and its default (a value, or JSON read afresh each time). */
    static final class FieldSpec {
        private final String name;
        private final Plan plan;
        private final boolean required;
        private final boolean hasDefault;
        private final Object defaultValue;
        private final JsonNode defaultTree;

        FieldSpec(String name, Plan plan, boolean required) {
            this(name, plan, required, false, null, null);
        }

        FieldSpec(String name, Plan plan, boolean required, Object defaultValue, JsonNode defaultTree) {
            this(name, plan, required, true, defaultValue, defaultTree);
        }

        private FieldSpec(String name, Plan plan, boolean required, boolean hasDefault, Object defaultValue, JsonNode defaultTree) {
            this.name = name;
            this.plan = plan;
            this.required = required;
            this.hasDefault = hasDefault;
            this.defaultValue = defaultValue;
            this.defaultTree = defaultTree;
        }

        String name() { return name; }
        Plan plan() { return plan; }
        boolean required() { return required; }
        boolean hasDefault() { return hasDefault; }

        /** The default of a simple type (immutable, shared), or null. */
        Object defaultValue() { return defaultValue; }

        /** The value of an absent field: its default (lists and records built afresh: handlers may change them), or the plan's. */
        Object absent() {
            if (!hasDefault) return plan.absent();
            if (defaultTree == null) return defaultValue;
            return plan.read(defaultTree, Loc.root("default"), new Errors());
        }

        /** True when an explicit JSON null is taken as null (or Optional.empty()) rather than rejected. */
        boolean nullOk() {
            return plan.nullIsValue() || !hasDefault && plan.nullable();
        }

        /** The value of an explicit JSON null. A required field's null goes on to Bean Validation, which reports it. */
        Object readNull(Loc loc, Errors errors) {
            if (plan.nullIsValue()) return plan.nullValue();
            if (!hasDefault && plan.nullable()) return null;
            return plan.rejectNull(loc, errors);
        }
    }

    record BeanProp(FieldSpec spec, MethodHandle setter) {
    }

    static final class ScalarPlan extends Plan {
        private final Scalar scalar;
        private final boolean primitive;

        ScalarPlan(Scalar scalar, boolean primitive) {
            this.scalar = scalar;
            this.primitive = primitive;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            try {
                return scalar.fromJson(n);
            } catch (ConversionException e) {
                errors.add(e, loc, n);
                return scalar.absent();
            }
        }

        @Override boolean nullable() { return !primitive; }

        @Override
        Object rejectNull(Loc loc, Errors errors) {
            errors.add(scalar.typeError(), loc, null);
            return scalar.absent();
        }

        @Override public Object absent() { return scalar.absent(); }
    }

    static final class OptionalPlan extends Plan {
        private final Plan inner;

        OptionalPlan(Plan inner) {
            this.inner = inner;
        }

        @Override public Object read(JsonNode n, Loc loc, Errors errors) { return Optional.ofNullable(inner.read(n, loc, errors)); }
        @Override public Object absent() { return Optional.empty(); }
        @Override boolean nullIsValue() { return true; }
        @Override Object nullValue() { return Optional.empty(); }
    }

    static final class TreePlan extends Plan {
        private final JsonSupport json;
        private final boolean tree;

        TreePlan(JsonSupport json, Class<?> raw) {
            this.json = json;
            this.tree = raw == JsonNode.class;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (tree) return n;
            try {
                return json.mapper().treeToValue(n, Object.class);
            } catch (Exception e) {
                errors.add("value_error", loc.toList(), "Value error, " + e.getMessage(), n, Map.of());
                return null;
            }
        }

        @Override boolean nullIsValue() { return true; }
        @Override Object nullValue() { return tree ? NullNode.instance : null; }
    }

    static final class CollectionPlan extends Plan {
        private final boolean set;
        private final Plan element;

        CollectionPlan(boolean set, Plan element) {
            this.set = set;
            this.element = element;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (!n.isArray()) return typeError(n, loc, errors);
            Collection<Object> out = set ? new LinkedHashSet<>(Math.max(4, n.size() * 2)) : new ArrayList<>(n.size());
            int i = 0;
            for (JsonNode item : n) {
                out.add(item.isNull() ? element.readNullElement(loc.child(i), errors) : element.read(item, loc.child(i), errors));
                i++;
            }
            return out;
        }

        private Object typeError(JsonNode n, Loc loc, Errors errors) {
            errors.add(set ? "set_type" : "list_type", loc.toList(), set ? "Input should be a valid set" : "Input should be a valid list", n, Map.of());
            return absent();
        }

        @Override public Object absent() { return set ? new LinkedHashSet<>() : new ArrayList<>(); }
        @Override boolean nullable() { return false; }
        @Override Object rejectNull(Loc loc, Errors errors) { return typeError(NullNode.instance, loc, errors); }
    }

    static final class ArrayPlan extends Plan {
        private final Class<?> componentType;
        private final Plan element;

        ArrayPlan(Class<?> componentType, Plan element) {
            this.componentType = componentType;
            this.element = element;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (!n.isArray()) return typeError(n, loc, errors);
            Object arr = Array.newInstance(componentType, n.size());
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                Object v = item.isNull() ? element.readNullElement(loc.child(i), errors) : element.read(item, loc.child(i), errors);
                if (v != null) Array.set(arr, i, v);
            }
            return arr;
        }

        private Object typeError(JsonNode n, Loc loc, Errors errors) {
            errors.add("list_type", loc.toList(), "Input should be a valid list", n, Map.of());
            return absent();
        }

        @Override public Object absent() { return Array.newInstance(componentType, 0); }
        @Override boolean nullable() { return false; }
        @Override Object rejectNull(Loc loc, Errors errors) { return typeError(NullNode.instance, loc, errors); }
    }

    static final class MapPlan extends Plan {
        private final Scalar key;
        private final Plan value;

        MapPlan(Scalar key, Plan value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (!n.isObject()) return typeError(n, loc, errors);
            var out = new LinkedHashMap<Object, Object>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                Loc at = loc.child(e.getKey());
                Object k;
                try {
                    k = key.fromString(e.getKey());
                } catch (ConversionException ex) {
                    errors.add(ex, at.child("[key]"), e.getKey());
                    continue;
                }
                JsonNode v = e.getValue();
                out.put(k, v.isNull() ? value.readNullElement(at, errors) : value.read(v, at, errors));
            }
            return out;
        }

        private Object typeError(JsonNode n, Loc loc, Errors errors) {
            errors.add("dict_type", loc.toList(), "Input should be a valid dictionary", n, Map.of());
            return absent();
        }

        @Override public Object absent() { return new LinkedHashMap<>(); }
        @Override boolean nullable() { return false; }
        @Override Object rejectNull(Loc loc, Errors errors) { return typeError(NullNode.instance, loc, errors); }
    }

    static Object[] readFields(FieldSpec[] fields, ObjectNode obj, Loc loc, Errors errors) {
        var values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            var f = fields[i];
            JsonNode v = obj.get(f.name);
            if (v == null) {
                if (f.required) {
                    errors.missing(loc.child(f.name), obj);
                }
                values[i] = f.absent();
            } else if (v.isNull()) {
                values[i] = f.readNull(loc.child(f.name), errors);
            } else {
                values[i] = f.plan.read(v, loc.child(f.name), errors);
            }
        }
        return values;
    }

    static void objectTypeError(JsonNode n, Loc loc, Errors errors) {
        errors.add("model_attributes_type", loc.toList(), "Input should be a valid dictionary or object to extract fields from", n, Map.of());
    }

    /**
     * Makes the constructor handles of the record plans made so far (see {@link RecordPlan#ctor()}); each
     * is otherwise made by the first body it reads.
     */
    public void link() {
        for (Plan p : plans.values()) if (p instanceof RecordPlan r) r.ctor();
    }

    /** Whether every record plan made so far has its constructor handle (for tests). */
    public boolean linked() {
        for (Plan p : plans.values()) if (p instanceof RecordPlan r && r.ctor == null) return false;
        return true;
    }

    static final class RecordPlan extends Plan {
        final Class<?> type;
        final FieldSpec[] fields;
        private final Constructor<?> constructor;
        private volatile MethodHandle ctor;

        RecordPlan(Class<?> type, FieldSpec[] fields, Constructor<?> constructor) {
            this.type = type;
            this.fields = fields;
            this.constructor = constructor;
        }

        /**
         * The canonical constructor spread over an {@code Object[]}: made on first use (or by
         * {@link BodyReader#link()}), since its adapter chain spins lambda-form classes in a cold JVM.
         */
        MethodHandle ctor() {
            MethodHandle h = ctor;
            if (h != null) return h;
            try {
                h = MethodHandles.lookup().unreflectConstructor(constructor)
                        .asSpreader(Object[].class, fields.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot construct record " + type.getName() + ": " + e, e);   // made accessible in recordPlan
            }
            ctor = h;
            return h;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (!(n instanceof ObjectNode obj)) {
                objectTypeError(n, loc, errors);
                return null;
            }
            int before = errors.list().size();
            Object[] values = readFields(fields, obj, loc, errors);
            boolean clean = errors.list().size() == before;
            // Built even when some fields failed (with placeholders), so that Bean Validation can still
            // report the other fields' problems in the same answer, as FastAPI does. The handle is made
            // outside the try: one that cannot be made is Brisk's failure, not the client's value_error.
            MethodHandle h = ctor();
            try {
                return (Object) h.invokeExact(values);
            } catch (Throwable t) {
                if (clean) {
                    // A compact constructor that rejects the values: report it like pydantic's value_error.
                    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                    errors.add("value_error", loc.toList(), "Value error, " + msg, n, Map.of());
                }
                return null;
            }
        }

        @Override
        public String toString() {
            return "RecordPlan[" + type.getName() + "]";
        }
    }

    static final class BeanPlan extends Plan {
        private final Class<?> type;
        private final BeanProp[] props;
        private final FieldSpec[] fields;
        private final MethodHandle ctor;

        BeanPlan(Class<?> type, BeanProp[] props, MethodHandle ctor) {
            this.type = type;
            this.props = props;
            this.fields = new FieldSpec[props.length];
            for (int i = 0; i < props.length; i++) fields[i] = props[i].spec();
            this.ctor = ctor;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            if (!(n instanceof ObjectNode obj)) {
                objectTypeError(n, loc, errors);
                return null;
            }
            int before = errors.list().size();
            Object[] values = readFields(fields, obj, loc, errors);
            boolean clean = errors.list().size() == before;
            try {
                Object bean = (Object) ctor.invokeExact();
                for (int i = 0; i < props.length; i++) {
                    // Leave absent fields at the class's own initial value.
                    if (values[i] != null || obj.get(fields[i].name()) != null) {
                        props[i].setter().invokeExact(bean, values[i]);
                    }
                }
                return bean;
            } catch (Throwable t) {
                if (clean) {
                    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                    errors.add("value_error", loc.toList(), "Value error, " + msg, n, Map.of());
                }
                return null;
            }
        }

        @Override
        public String toString() {
            return "BeanPlan[" + type.getName() + "]";
        }
    }

    static final class JacksonPlan extends Plan {
        private final ObjectMapper mapper;
        private final JavaType type;

        JacksonPlan(ObjectMapper mapper, JavaType type) {
            this.mapper = mapper;
            this.type = type;
        }

        // Collections and maps Brisk does not read itself (a TreeSet, an EnumMap) meet null as its own do.
        @Override boolean nullable() { return !type.isContainerType(); }

        @Override
        Object rejectNull(Loc loc, Errors errors) {
            if (type.isMapLikeType()) {
                errors.add("dict_type", loc.toList(), "Input should be a valid dictionary", NullNode.instance, Map.of());
            } else if (type.isContainerType()) {
                errors.add("list_type", loc.toList(), "Input should be a valid list", NullNode.instance, Map.of());
            } else {
                objectTypeError(NullNode.instance, loc, errors);
            }
            return null;
        }

        @Override
        public Object read(JsonNode n, Loc loc, Errors errors) {
            try {
                return mapper.readerFor(type).readValue(n);
            } catch (MismatchedInputException e) {
                Loc at = loc;
                for (var ref : e.getPath()) at = ref.getFieldName() != null ? at.child(ref.getFieldName()) : at.child(ref.getIndex());
                errors.add("value_error", at.toList(), "Input should be a valid " + simple(e.getTargetType()), n, Map.of());
            } catch (Exception e) {
                errors.add("value_error", loc.toList(), "Value error, " + e.getClass().getSimpleName(), n, Map.of());
            }
            return null;
        }

        private static String simple(Class<?> c) {
            return c == null ? "value" : c.getSimpleName();
        }
    }

    /** Helpers for generic types. */
    public static final class Types {
        private Types() {
        }

        public static Class<?> raw(Type t) {
            if (t instanceof Class<?> c) return c;
            if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
            if (t instanceof GenericArrayType g) return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
            if (t instanceof WildcardType w) return raw(w.getUpperBounds()[0]);
            return Object.class;
        }

        /** The i-th type argument, or {@code Object} for raw types. */
        public static Type arg(Type t, int i) {
            if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
                Type a = p.getActualTypeArguments()[i];
                if (a instanceof WildcardType w) return w.getUpperBounds()[0];
                return a;
            }
            return Object.class;
        }
    }
}
