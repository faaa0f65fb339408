package dev.brisk.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.ConversionException;
import dev.brisk.internal.binding.FieldDefaults;
import dev.brisk.internal.binding.Scalar;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON Schemas of Java types for one document: swagger-core's {@link ModelResolver} (Jackson-aware,
 * OpenAPI 3.1) does the walking; this class then makes the result say what Brisk's binder does:
 * {@code required} lists by Brisk's rule, {@code Optional} fields as {@code anyOf [T, null]}, and
 * constraint bounds without Bean Validation's open-ended defaults.
 */
final class Schemas {
    static final String REF_PREFIX = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final ModelResolver resolver;
    private final Context context;

    Schemas(ObjectMapper appMapper) {
        // A copy: swagger's resolver registers its own annotation introspector on the mapper it is
        // given, and the app's mapper must stay exactly as the runtime configured it.
        this.mapper = appMapper.copy();
        this.resolver = new ModelResolver(mapper, new Names()).openapi31(true);
        this.context = new Context(resolver);
    }

    /** The schema of a body or result type: a {@code $ref} for records and classes, inline otherwise. */
    Schema<?> of(Type type) {
        Schema<?> s = context.resolve(new AnnotatedType(type).resolveAsRef(true));
        if (s == null) return new JsonSchema();
        Schema<?> out = copy(s);
        javaRanges(out, mapper.constructType(type));
        return out;
    }

    /** A fresh inline schema of a simple type (parameters, form fields): safe to add constraints to. */
    Schema<?> inline(Type type) {
        Schema<?> s = new ModelConverterContextImpl(resolver).resolve(new AnnotatedType(type));
        if (s == null) return new JsonSchema();
        Schema<?> out = copy(s);
        javaRanges(out, mapper.constructType(type));
        return out;
    }

    /**
     * What Brisk reads for {@code short} and {@code byte}: integers within their range (swagger calls a
     * short an int32 and a byte a base64 string), applied wherever such a value sits (also in lists,
     * maps and {@code Optional}s); bounds of constraints that are tighter stay.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void javaRanges(Schema s, JavaType t) {
        if (s == null || t == null || s.get$ref() != null) return;
        if (s.getAnyOf() != null) {
            for (Object branch : s.getAnyOf()) javaRanges((Schema) branch, t);
            return;
        }
        if (t.isReferenceType()) {
            javaRanges(s, t.getReferencedType());
        } else if (t.isMapLikeType()) {
            if (s.getAdditionalProperties() instanceof Schema values) javaRanges(values, t.getContentType());
        } else if (t.isCollectionLikeType() || t.isArrayType() && !t.getContentType().hasRawClass(byte.class)) {
            javaRanges(s.getItems(), t.getContentType());
        } else {
            Class<?> raw = t.getRawClass();
            if (raw == short.class || raw == Short.class) integerRange(s, Short.MIN_VALUE, Short.MAX_VALUE);
            else if (raw == byte.class || raw == Byte.class) integerRange(s, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void integerRange(Schema s, long min, long max) {
        if (s.getTypes() == null || !s.getTypes().contains("integer")) {
            s.setTypes(new java.util.LinkedHashSet<>(List.of("integer")));
            s.setType(null);
        }
        s.setFormat("int32");
        BigDecimal lo = BigDecimal.valueOf(min), hi = BigDecimal.valueOf(max);
        if (s.getMinimum() == null || s.getMinimum().compareTo(lo) < 0) s.setMinimum(lo);
        if (s.getMaximum() == null || s.getMaximum().compareTo(hi) > 0) s.setMaximum(hi);
    }

    /** Every named schema resolved so far, corrected, by name. */
    Map<String, Schema> components() {
        var out = new TreeMap<String, Schema>();
        context.getDefinedModels().forEach((name, schema) -> {
            Type t = context.types.get(name);
            if (t != null) fixObject(schema, mapper.constructType(t));
            Constraints.tidy(schema);
            out.put(name, schema);
        });
        return out;
    }

    /** A {@code $ref} to a component. */
    static Schema<?> ref(String name) {
        return new JsonSchema().$ref(REF_PREFIX + name);
    }

    /** {@code anyOf [schema, {"type": "null"}]}, FastAPI's form for an optional value. */
    static Schema<?> nullable(Schema<?> s) {
        return new JsonSchema().anyOf(List.of(s, new JsonSchema().typesItem("null")));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void fixObject(Schema schema, JavaType type) {
        Map<String, Schema> props = schema.getProperties();
        if (props == null || props.isEmpty() || type.isContainerType() || type.isEnumType()) return;
        Class<?> raw = type.getRawClass();
        var components = new HashMap<String, RecordComponent>();
        if (raw.isRecord()) for (var c : raw.getRecordComponents()) components.put(c.getName(), c);
        var required = new ArrayList<String>();
        for (BeanPropertyDefinition p : mapper.getSerializationConfig().introspect(type).findProperties()) {
            Schema prop = props.get(p.getName());
            if (prop == null) continue;
            var elements = new ArrayList<AnnotatedElement>();
            RecordComponent rc = components.get(p.getInternalName());
            if (rc != null) elements.add(rc);
            for (Annotated a : new Annotated[]{p.getField(), p.getGetter(), p.getSetter()}) {
                if (a != null && a.getAnnotated() != null) elements.add(a.getAnnotated());
            }
            JavaType pt = p.getPrimaryType();
            Class<?> praw = pt.getRawClass();
            AnnotatedElement[] els = elements.toArray(AnnotatedElement[]::new);
            if (Constraints.requiredField(praw, els)) required.add(p.getName());
            if (prop.get$ref() == null) {
                Constraints.apply(prop, annotations(els));
                // Optional<@Size(max = 20) String>: the constraints of the value inside.
                if (praw == Optional.class) Constraints.apply(prop, typeArgumentAnnotations(els, 0));
                // List<@NotBlank String>, Map<String, @Min(0) Integer>: their items' and values', in Brisk's terms
                if (prop.getItems() != null && prop.getItems().get$ref() == null) {
                    Constraints.apply(prop.getItems(), typeArgumentAnnotations(els, 0));
                }
                if (prop.getAdditionalProperties() instanceof Schema values && values.get$ref() == null) {
                    Constraints.apply(values, typeArgumentAnnotations(els, 1));
                }
                javaRanges(prop, pt);
            }
            // null where the binder takes it and the server may send it: Optional, and the other nullable fields
            Schema out = praw == Optional.class || BodyReader.nullableField(praw, els) ? nullable(prop) : prop;
            String def = FieldDefaults.raw(els);
            if (def != null) {
                if (out.get$ref() != null) out = new JsonSchema().allOf(List.of(out));   // a $ref takes no siblings in every tool
                out.setDefault(defaultValue(rc != null ? rc.getGenericType() : pt, def));
            }
            props.put(p.getName(), out);
        }
        // Keep Jackson's property order (the order of the JSON the runtime writes).
        var ordered = new ArrayList<String>();
        for (String name : props.keySet()) if (required.contains(name)) ordered.add(name);
        required(schema, ordered);
    }

    /** A {@code @Default} as the JSON value the binder produces ({@code "10"} -> {@code 10}; JSON as written). */
    Object defaultValue(java.lang.reflect.Type type, String raw) {
        if (FieldDefaults.isText(type)) {
            Class<?> c = BodyReader.Types.raw(type);
            if (c == Optional.class) c = BodyReader.Types.raw(BodyReader.Types.arg(type, 0));
            return textDefault(mapper, c, raw);
        }
        try {
            return mapper.readTree(raw);
        } catch (java.io.IOException e) {
            return raw;   // startup has refused it already
        }
    }

    /** A text default (query values, simple body fields) as the JSON value the binder produces. */
    static Object textDefault(ObjectMapper mapper, Class<?> type, String raw) {
        try {
            Object v = Scalar.of(type).fromString(raw);
            com.fasterxml.jackson.databind.JsonNode n = mapper.valueToTree(v);
            if (n.isIntegralNumber()) return n.bigIntegerValue().bitLength() < 63 ? (Object) n.longValue() : n.bigIntegerValue();
            if (n.isNumber()) return n.decimalValue();
            if (n.isBoolean()) return n.booleanValue();
            if (n.isTextual()) return n.textValue();
            return raw;
        } catch (ConversionException | IllegalArgumentException e) {
            return raw;
        }
    }

    /**
     * Sets {@code required} in the given order (the properties' order, as FastAPI lists them);
     * swagger's setters sort it, but hand out the list they keep.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void required(Schema schema, List<String> names) {
        if (names.isEmpty()) {
            schema.required(null);
            return;
        }
        schema.required(names);
        List<String> kept = schema.getRequired();
        kept.clear();
        kept.addAll(names);
    }

    private static Annotation[] typeArgumentAnnotations(AnnotatedElement[] elements, int index) {
        var seen = new LinkedHashMap<Class<?>, Annotation>();
        for (var e : elements) {
            java.lang.reflect.AnnotatedType t = e instanceof RecordComponent rc ? rc.getAnnotatedType()
                    : e instanceof Field f ? f.getAnnotatedType()
                    : e instanceof Method m && m.getParameterCount() == 0 ? m.getAnnotatedReturnType()
                    : null;
            if (t instanceof AnnotatedParameterizedType pt && pt.getAnnotatedActualTypeArguments().length > index) {
                for (var a : pt.getAnnotatedActualTypeArguments()[index].getAnnotations()) seen.putIfAbsent(a.annotationType(), a);
            } else if (t instanceof java.lang.reflect.AnnotatedArrayType at && index == 0) {
                for (var a : at.getAnnotatedGenericComponentType().getAnnotations()) seen.putIfAbsent(a.annotationType(), a);
            }
        }
        return seen.values().toArray(Annotation[]::new);
    }

    private static Annotation[] annotations(AnnotatedElement[] elements) {
        var seen = new LinkedHashMap<Class<?>, Annotation>();
        for (var e : elements) for (var a : e.getAnnotations()) seen.putIfAbsent(a.annotationType(), a);
        return seen.values().toArray(Annotation[]::new);
    }

    private static Schema<?> copy(Schema<?> s) {
        // Resolved schemas are shared through the resolver's cache: callers get their own deep copy.
        return AnnotationsUtils.clone(s, true);
    }

    /** Records which Java type each component came from. */
    private static final class Context extends ModelConverterContextImpl {
        final Map<String, Type> types = new HashMap<>();

        Context(ModelResolver resolver) {
            super(resolver);
        }

        @Override
        public void defineModel(String name, Schema model, AnnotatedType type, String prevName) {
            super.defineModel(name, model, type, prevName);
            if (prevName != null && !prevName.equals(name)) types.remove(prevName);
            if (type != null && type.getType() != null) types.put(name, type.getType());
        }
    }

    /**
     * Simple class names, like pydantic's model names; a second class with a taken simple name
     * gets its qualified name instead of silently sharing the first one's schema.
     */
    private static final class Names extends TypeNameResolver {
        private final Map<String, Class<?>> taken = new HashMap<>();

        @Override
        protected synchronized String getNameOfClass(Class<?> cls) {
            String simple = cls.getSimpleName();
            Class<?> owner = taken.putIfAbsent(simple, cls);
            if (owner == null || owner == cls) return simple;
            return cls.getName().replace('$', '.');
        }
    }
}
