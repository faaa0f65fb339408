package dev.brisk.openapi.internal;

import io.swagger.v3.core.util.ValidationAnnotationsUtils;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Bean Validation constraints as JSON Schema keywords, and Brisk's rule for required body fields. */
final class Constraints {
    private Constraints() {
    }

    /**
     * The binder's rule ({@code BodyReader}): a field is required when it is a primitive or carries
     * {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}.
     */
    static boolean requiredField(Class<?> type, AnnotatedElement... elements) {
        return dev.brisk.internal.binding.BodyReader.requiredField(type, elements);   // the binder's own rule
    }

    /** Adds the keywords of the constraints among {@code annotations} to an inline schema. */
    @SuppressWarnings("rawtypes")
    static void apply(Schema schema, Annotation[] annotations) {
        if (annotations == null || annotations.length == 0) return;
        Annotation[] all = ValidationAnnotationsUtils.expandValidationMetaAnnotations(annotations);
        // Sizes first: @NotBlank / @NotEmpty only raise the lower bound they set.
        for (Annotation a : all) if (a instanceof Size s) ValidationAnnotationsUtils.applySizeConstraint(schema, s);
        for (Annotation a : all) {
            if (a instanceof Min m) ValidationAnnotationsUtils.applyMinConstraint(schema, m);
            else if (a instanceof Max m) ValidationAnnotationsUtils.applyMaxConstraint(schema, m);
            else if (a instanceof DecimalMin m) ValidationAnnotationsUtils.applyDecimalMinConstraint(schema, m);
            else if (a instanceof DecimalMax m) ValidationAnnotationsUtils.applyDecimalMaxConstraint(schema, m);
            else if (a instanceof Pattern p) ValidationAnnotationsUtils.applyPatternConstraint(schema, p);
            else if (a instanceof Email e) ValidationAnnotationsUtils.applyEmailConstraint(schema, e);
            else if (a instanceof Positive) ValidationAnnotationsUtils.applyPositiveConstraint(schema);
            else if (a instanceof PositiveOrZero) ValidationAnnotationsUtils.applyPositiveOrZeroConstraint(schema);
            else if (a instanceof Negative) ValidationAnnotationsUtils.applyNegativeConstraint(schema);
            else if (a instanceof NegativeOrZero) ValidationAnnotationsUtils.applyNegativeOrZeroConstraint(schema);
        }
        tidyOne(schema);
        for (Annotation a : all) {
            if (a instanceof NotBlank && isType(schema, "string")) {
                schema.setMinLength(Math.max(1, schema.getMinLength() == null ? 0 : schema.getMinLength()));
            } else if (a instanceof NotEmpty) {
                if (isType(schema, "string")) schema.setMinLength(Math.max(1, schema.getMinLength() == null ? 0 : schema.getMinLength()));
                else if (isType(schema, "array")) schema.setMinItems(Math.max(1, schema.getMinItems() == null ? 0 : schema.getMinItems()));
                else if (isType(schema, "object")) schema.setMinProperties(Math.max(1, schema.getMinProperties() == null ? 0 : schema.getMinProperties()));
            }
        }
    }

    /** Removes the open ends {@code @Size} writes ({@code minLength: 0}, {@code maxLength: 2147483647}), everywhere. */
    @SuppressWarnings("rawtypes")
    static void tidy(Schema schema) {
        tidy(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void tidy(Schema s, Set<Schema> seen) {
        if (s == null || !seen.add(s)) return;
        tidyOne(s);
        if (s.getProperties() != null) for (Object p : s.getProperties().values()) tidy((Schema) p, seen);
        tidy(s.getItems(), seen);
        if (s.getAdditionalProperties() instanceof Schema a) tidy(a, seen);
        for (var list : new java.util.List[]{s.getAnyOf(), s.getAllOf(), s.getOneOf()}) {
            if (list != null) for (Object x : list) tidy((Schema) x, seen);
        }
        if (s.getPrefixItems() != null) for (Object x : s.getPrefixItems()) tidy((Schema) x, seen);
        Map<String, Schema> pattern = s.getPatternProperties();
        if (pattern != null) pattern.values().forEach(x -> tidy(x, seen));
    }

    @SuppressWarnings("rawtypes")
    private static void tidyOne(Schema s) {
        if (Integer.valueOf(0).equals(s.getMinLength())) s.setMinLength(null);
        if (Integer.valueOf(Integer.MAX_VALUE).equals(s.getMaxLength())) s.setMaxLength(null);
        if (Integer.valueOf(0).equals(s.getMinItems())) s.setMinItems(null);
        if (Integer.valueOf(Integer.MAX_VALUE).equals(s.getMaxItems())) s.setMaxItems(null);
    }

    @SuppressWarnings("rawtypes")
    private static boolean isType(Schema s, String type) {
        return type.equals(s.getType()) || s.getTypes() != null && s.getTypes().contains(type);
    }
}
