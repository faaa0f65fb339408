package dev.brisk.internal.binding;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Length;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Map;

/**
 * What string constraints mean in Brisk, chosen so that the server and the JSON Schema of the OpenAPI
 * document agree on every value: a length is a number of Unicode code points (JSON Schema's
 * {@code minLength}/{@code maxLength}, pydantic's {@code min_length}; an emoji is one character, not two
 * UTF-16 units), and "blank" means only the whitespace that {@code \s} matches in an ECMA-262 regular
 * expression (JSON Schema's pattern dialect), so that {@code @NotBlank} is exactly {@code pattern: "\S"}.
 * These validators replace Hibernate Validator's for {@code @Size}, {@code @Length} and {@code @NotBlank};
 * {@link Precheck} uses the same functions.
 */
public final class TextRules {
    private TextRules() {
    }

    /** The number of code points (an unpaired surrogate counts as one). */
    public static int length(CharSequence s) {
        int n = s.length();
        int pairs = 0;
        for (int i = 0; i < n - 1; i++) {
            if (Character.isHighSurrogate(s.charAt(i)) && Character.isLowSurrogate(s.charAt(i + 1))) {
                pairs++;
                i++;
            }
        }
        return n - pairs;
    }

    /** True when {@code length(s)} is within [min, max], counting only when UTF-16 length leaves a doubt. */
    public static boolean lengthWithin(CharSequence s, int min, int max) {
        int units = s.length();
        // code points lie in [ceil(units / 2), units]
        if (units <= max && (units + 1) / 2 >= min) return true;
        if (units < min) return false;
        int cp = length(s);
        return cp >= min && cp <= max;
    }

    /** ECMA-262 WhiteSpace and LineTerminator: what {@code \s} matches in a JSON Schema pattern. */
    public static boolean isWhitespace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }

    /** Null, empty, or only whitespace in the sense of {@link #isWhitespace}. */
    public static boolean isBlank(CharSequence s) {
        if (s == null) return true;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!isWhitespace(s.charAt(i))) return false;
        }
        return true;
    }

    /** The constraint validators Brisk registers in place of Hibernate Validator's, by constraint. */
    static Map<Class<? extends Annotation>, java.util.List<Class<? extends ConstraintValidator<?, ?>>>> validators() {
        return Map.of(
                Size.class, java.util.List.of(SizeOfText.class, SizeOfCollection.class, SizeOfMap.class, SizeOfArray.class,
                        SizeOfBooleans.class, SizeOfBytes.class, SizeOfChars.class, SizeOfShorts.class, SizeOfInts.class,
                        SizeOfLongs.class, SizeOfFloats.class, SizeOfDoubles.class),
                Length.class, java.util.List.of(LengthOfText.class),
                NotBlank.class, java.util.List.of(NotBlankText.class));
    }

    /** {@code @NotBlank}: some character that is not ECMA-262 whitespace. */
    public static final class NotBlankText implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !isBlank(value);
        }
    }

    /** {@code @Length} (Hibernate Validator's), in code points. */
    public static final class LengthOfText implements ConstraintValidator<Length, CharSequence> {
        private int min, max;

        @Override
        public void initialize(Length a) {
            min = a.min();
            max = a.max();
            if (min < 0 || max < min) throw new IllegalArgumentException("@Length: min must be >= 0 and <= max");
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || lengthWithin(value, min, max);
        }
    }

    /** {@code @Size} for every type Bean Validation defines it on; for text, in code points. */
    abstract static class SizeBase {
        int min, max;

        public void initialize(Size a) {
            min = a.min();
            max = a.max();
            if (min < 0 || max < min) throw new IllegalArgumentException("@Size: min must be >= 0 and <= max");
        }

        boolean within(int n) {
            return n >= min && n <= max;
        }
    }

    public static final class SizeOfText extends SizeBase implements ConstraintValidator<Size, CharSequence> {
        @Override public boolean isValid(CharSequence v, ConstraintValidatorContext c) { return v == null || lengthWithin(v, min, max); }
    }

    public static final class SizeOfCollection extends SizeBase implements ConstraintValidator<Size, Collection<?>> {
        @Override public boolean isValid(Collection<?> v, ConstraintValidatorContext c) { return v == null || within(v.size()); }
    }

    public static final class SizeOfMap extends SizeBase implements ConstraintValidator<Size, Map<?, ?>> {
        @Override public boolean isValid(Map<?, ?> v, ConstraintValidatorContext c) { return v == null || within(v.size()); }
    }

    public static final class SizeOfArray extends SizeBase implements ConstraintValidator<Size, Object[]> {
        @Override public boolean isValid(Object[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfBooleans extends SizeBase implements ConstraintValidator<Size, boolean[]> {
        @Override public boolean isValid(boolean[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfBytes extends SizeBase implements ConstraintValidator<Size, byte[]> {
        @Override public boolean isValid(byte[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfChars extends SizeBase implements ConstraintValidator<Size, char[]> {
        @Override public boolean isValid(char[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfShorts extends SizeBase implements ConstraintValidator<Size, short[]> {
        @Override public boolean isValid(short[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfInts extends SizeBase implements ConstraintValidator<Size, int[]> {
        @Override public boolean isValid(int[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfLongs extends SizeBase implements ConstraintValidator<Size, long[]> {
        @Override public boolean isValid(long[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfFloats extends SizeBase implements ConstraintValidator<Size, float[]> {
        @Override public boolean isValid(float[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }

    public static final class SizeOfDoubles extends SizeBase implements ConstraintValidator<Size, double[]> {
        @Override public boolean isValid(double[] v, ConstraintValidatorContext c) { return v == null || within(v.length); }
    }
}
