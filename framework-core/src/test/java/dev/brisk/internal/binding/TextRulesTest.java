package dev.brisk.internal.binding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Length;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brisk's string rules are JSON Schema's: lengths in code points, whitespace as ECMA-262's {@code \s};
 * and they are the ones Hibernate Validator applies, for every type {@code @Size} is defined on.
 */
class TextRulesTest {
    private static final String SMILE = "\ud83d\ude00";

    public record Texts(@Size(max = 2) String code, @Length(min = 2) String legacy, @NotBlank String name,
                        @Size(max = 1) List<String> list, @Size(max = 1) Map<String, String> map, @Size(max = 1) int[] ints,
                        @Size(max = 1) String[] words, @Size(max = 1) StringBuilder builder) {
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(TextRules.length("")).isZero();
        assertThat(TextRules.length(SMILE)).isEqualTo(1);
        assertThat(TextRules.length("a" + SMILE + "b")).isEqualTo(3);
        assertThat(TextRules.length("\ud83d")).isEqualTo(1);             // unpaired surrogates count once
        assertThat(TextRules.length("\ude00\ud83d")).isEqualTo(2);
        for (String s : List.of("", "abc", SMILE.repeat(5), "a" + SMILE, "\ud83d\ud83d\ude00", "é\u0301")) {
            assertThat(TextRules.length(s)).as(s).isEqualTo(s.codePointCount(0, s.length()));
            for (int min = 0; min < 7; min++) {
                for (int max = min; max < 8; max++) {
                    int cp = s.codePointCount(0, s.length());
                    assertThat(TextRules.lengthWithin(s, min, max)).as("%s in [%d, %d]", s, min, max).isEqualTo(cp >= min && cp <= max);
                }
            }
        }
    }

    @Test
    void whitespaceIsEcmaScripts() {
        // ECMA-262 WhiteSpace + LineTerminator, the characters \s matches in a JSON Schema pattern
        String ecma = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
                + "\u2028\u2029\u202F\u205F\u3000\uFEFF";
        for (char c = 0; c < 0xFFFF; c++) {
            assertThat(TextRules.isWhitespace(c)).as("U+%04X", (int) c).isEqualTo(ecma.indexOf(c) >= 0);
        }
        assertThat(TextRules.isBlank(null)).isTrue();
        assertThat(TextRules.isBlank(" \u00a0\ufeff")).isTrue();
        assertThat(TextRules.isBlank("\u001c")).isFalse();
        assertThat(TextRules.isBlank(" x ")).isFalse();
    }

    @Test
    void hibernateValidatorAppliesThem() {
        var v = Validation.validator();
        var ok = new Texts(SMILE + SMILE, SMILE + SMILE, "\u001c", List.of("a"), Map.of("a", "b"), new int[1], new String[1],
                new StringBuilder(SMILE));
        assertThat(v.validate(ok)).isEmpty();
        var bad = new Texts(SMILE.repeat(3), SMILE, "\u00a0", List.of("a", "b"), Map.of("a", "b", "c", "d"), new int[2], new String[2],
                new StringBuilder(SMILE + "x"));
        assertThat(v.validate(bad)).extracting(c -> c.getPropertyPath().toString())
                .containsExactlyInAnyOrder("code", "legacy", "name", "list", "map", "ints", "words", "builder");
    }
}
