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
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.Length;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation constraints as JSON Schema keywords, and Brisk's rule for required body fields. They
 * say what the server checks: lengths in code points (Brisk's validators count them so), {@code @NotBlank}
 * as {@code pattern: "\S"} (blank meaning ECMA-262 whitespace, the regex dialect of JSON Schema), and a
 * {@code @Pattern} anchored at both ends, since Bean Validation matches the whole value while a JSON
 * Schema pattern may match anywhere in it.
 */
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
        for (Annotation a : all) {
            if (a instanceof Size s) ValidationAnnotationsUtils.applySizeConstraint(schema, s);
            else if (a instanceof Length l && isType(schema, "string")) lengths(schema, l.min(), l.max());
            else if (a instanceof CodePointLength l && isType(schema, "string")) lengths(schema, l.min(), l.max());
        }
        for (Annotation a : all) {
            if (a instanceof Min m) ValidationAnnotationsUtils.applyMinConstraint(schema, m);
            else if (a instanceof Max m) ValidationAnnotationsUtils.applyMaxConstraint(schema, m);
            else if (a instanceof DecimalMin m) ValidationAnnotationsUtils.applyDecimalMinConstraint(schema, m);
            else if (a instanceof DecimalMax m) ValidationAnnotationsUtils.applyDecimalMaxConstraint(schema, m);
            else if (a instanceof Pattern p && isType(schema, "string")) schema.setPattern(p.flags().length == 0 ? anchored(p.regexp()) : null);
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
                String pattern = schema.getPattern();
                // one pattern per schema: a @Pattern's (anchored) gets the "some non-space" condition as a lookahead
                schema.setPattern(pattern == null ? NOT_BLANK : "^(?=[\\s\\S]*\\S)" + pattern.substring(1));
            } else if (a instanceof NotEmpty) {
                if (isType(schema, "string")) schema.setMinLength(Math.max(1, schema.getMinLength() == null ? 0 : schema.getMinLength()));
                else if (isType(schema, "array")) schema.setMinItems(Math.max(1, schema.getMinItems() == null ? 0 : schema.getMinItems()));
                else if (isType(schema, "object")) schema.setMinProperties(Math.max(1, schema.getMinProperties() == null ? 0 : schema.getMinProperties()));
            }
        }
    }

    /** {@code @NotBlank}: some character that is not ECMA-262 whitespace. */
    static final String NOT_BLANK = "\\S";

    @SuppressWarnings("rawtypes")
    private static void lengths(Schema schema, int min, int max) {
        if (min > 0) schema.setMinLength(Math.max(min, schema.getMinLength() == null ? 0 : schema.getMinLength()));
        if (max < Integer.MAX_VALUE) schema.setMaxLength(schema.getMaxLength() == null ? max : Math.min(max, schema.getMaxLength()));
    }

    /**
     * A Bean Validation regexp (matched against the whole value) as a JSON Schema pattern (found anywhere):
     * {@code ^(?:regexp)$}, or the regexp itself when it is already {@code ^...$} without a top-level
     * alternative. Always starts with {@code ^}.
     */
    static String anchored(String regexp) {
        if (regexp.length() >= 2 && regexp.startsWith("^") && regexp.endsWith("$") && !regexp.endsWith("\\$") && !topLevelAlternation(regexp)) {
            return regexp;
        }
        return "^(?:" + regexp + ")$";
    }

    private static boolean topLevelAlternation(String r) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
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
