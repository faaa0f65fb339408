package dev.brisk.internal.binding;

import jakarta.validation.GroupSequence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precheck that lets valid bodies skip Hibernate Validator never calls a value valid that the
 * validator would reject, still proves ordinary valid values, and is not built for constraints it does
 * not model.
 */
class ValidationPrecheckTest {

    public record Item(@NotBlank String name, @Positive double price, @Size(min = 2, max = 5) List<String> tags,
                       @Min(1) @Max(10) int qty, @NegativeOrZero Long debt, @NotNull @NotEmpty Map<String, Integer> attrs,
                       @PositiveOrZero Integer stock, @Negative float delta, @Size(max = 3) String code, @NotEmpty String nick,
                       @Positive Double weight, @Min(-5) short level, String free) {
    }

    private static final String[] STRINGS = {null, "", " ", "\t\n", "\u2003", "\u00a0", "a", " a ", "abc", "abcd", "\u2003x",
            "\ud83d\ude00", "xyzxyzxyz", "\u001c", "\ufeff", "\u200b", "\ud83d\ude00\ud83d\ude00\ud83d\ude00",
            "\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00", "a\ud83d\ude00\ud83d\ude00", "\ud83d", "\ude00\ud83d"};
    private static final double[] DOUBLES = {0.0, -0.0, 1e-300, -1e-300, 1, -1, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 9.99};
    private static final long[] LONGS = {0, 1, -1, 5, -5, -6, 10, 11, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void neverProvesValidWhatTheValidatorRejects() {
        var pre = Precheck.of(Item.class);
        assertThat(pre).isNotNull();
        var validator = Validation.validator();
        var rnd = new Random(42);
        int proven = 0, valid = 0;
        for (int i = 0; i < 20_000; i++) {
            var item = random(rnd);
            boolean hvValid = validator.validate(item).isEmpty();
            if (hvValid) valid++;
            if (pre.provesValid(item)) {
                proven++;
                assertThat(hvValid).as("proven valid but rejected by the validator: %s", item).isTrue();
            }
        }
        // It must also be useful: most values the validator accepts are proven without it.
        assertThat(valid).isGreaterThan(200);
        assertThat(proven).isGreaterThan(valid / 2);
    }

    @Test
    void provesAnOrdinaryValueAndNotAnyOneViolation() {
        var pre = Precheck.of(Item.class);
        var ok = ok();
        assertThat(pre.provesValid(ok)).isTrue();
        assertThat(Validation.validator().validate(ok)).isEmpty();
        List<Function<Item, Item>> breakOne = List.of(
                x -> with(x, 0, " "), x -> with(x, 1, 0.0), x -> with(x, 2, List.of("a")), x -> with(x, 3, 11),
                x -> with(x, 4, 1L), x -> with(x, 5, Map.of()), x -> with(x, 6, -1), x -> with(x, 7, 0f),
                x -> with(x, 8, "abcd"), x -> with(x, 9, ""), x -> with(x, 10, -2.0), x -> with(x, 11, (short) -6),
                x -> with(x, 5, null), x -> with(x, 0, null), x -> with(x, 9, null));
        for (var f : breakOne) {
            var bad = f.apply(ok);
            assertThat(Validation.validator().validate(bad)).as("%s", bad).isNotEmpty();
            assertThat(pre.provesValid(bad)).as("%s", bad).isFalse();
        }
    }

    public record WithPattern(@Pattern(regexp = "[a-z]+") String name) {
    }

    public record Inner(@NotBlank String v) {
    }

    public record Nested(@Valid Inner inner) {
    }

    public record ElementConstraint(List<@NotBlank String> names) {
    }

    public interface Group {
    }

    public record Grouped(@NotBlank(groups = Group.class) String name) {
    }

    @GroupSequence({Sequenced.class})
    public record Sequenced(@NotBlank String name) {
    }

    public interface Named {
        String name();
    }

    public record WithInterface(@NotBlank String name) implements Named {
    }

    public record WithGetterConstraint(@NotBlank String name, int a, int b) {
        @AssertTrue
        public boolean isOrdered() {
            return a <= b;
        }
    }

    public record WithOptionals(@NotNull java.util.Optional<String> nick, @Min(1) java.util.OptionalInt rank) {
    }

    public static final class NotARecord {
        @NotBlank
        public String name;
    }

    public record Unconstrained(String name, int n) {
    }

    @Test
    void isNotBuiltForConstraintsItDoesNotModel() {
        for (Class<?> c : List.of(WithPattern.class, Nested.class, ElementConstraint.class, Grouped.class, Sequenced.class,
                WithInterface.class, WithGetterConstraint.class, WithOptionals.class, NotARecord.class)) {
            assertThat(Precheck.of(c)).as(c.getSimpleName()).isNull();
        }
        assertThat(Precheck.of(Unconstrained.class).provesValid(new Unconstrained(null, -1))).isTrue();
    }

    public static class Routes {
        public String search(@Min(0) int skip, @Max(100) Integer limit, @Size(min = 3) String q, @NotBlank String name,
                             @Positive double ratio, @Size(max = 2) List<String> tags, String free) {
            return q;
        }

        public String nested(@Valid Item item) {
            return "";
        }

        public String elements(List<@NotBlank String> names) {
            return "";
        }

        public String optional(java.util.Optional<@Size(min = 3) String> q) {
            return "";
        }

        public String pattern(@Pattern(regexp = "[a-z]+") String q) {
            return "";
        }
    }

    public static class MoreRoutes extends Routes {
        @Override
        public String pattern(String q) {
            return q;
        }
    }

    private static final java.lang.reflect.Method SEARCH = method(Routes.class, "search");

    private static java.lang.reflect.Method method(Class<?> c, String name) {
        for (var m : c.getDeclaredMethods()) if (m.getName().equals(name)) return m;
        throw new IllegalArgumentException(name);
    }

    @Test
    void parametersNeverProvenValidWhenTheValidatorRejectsThem() {
        var routes = new Routes();
        var pre = Precheck.forParameters(SEARCH, Routes.class);
        assertThat(pre).isNotNull();
        var rnd = new Random(11);
        int proven = 0, valid = 0;
        for (int i = 0; i < 20_000; i++) {
            Object[] args = {
                    rnd.nextBoolean() ? 0 : (int) pick(rnd, LONGS),
                    rnd.nextBoolean() ? (Integer) 10 : rnd.nextInt(4) == 0 ? null : (Integer) (int) pick(rnd, LONGS),
                    rnd.nextBoolean() ? "abc" : pick(rnd, STRINGS),
                    rnd.nextBoolean() ? "n" : pick(rnd, STRINGS),
                    rnd.nextBoolean() ? 0.5 : pick(rnd, DOUBLES),
                    rnd.nextBoolean() ? List.of("a") : list(rnd),
                    pick(rnd, STRINGS)};
            boolean hvValid = Validation.executable().validateParameters(routes, SEARCH, args).isEmpty();
            if (hvValid) valid++;
            if (pre.provesValid(args)) {
                proven++;
                assertThat(hvValid).as("proven valid but rejected: %s", java.util.Arrays.toString(args)).isTrue();
            }
        }
        assertThat(valid).isGreaterThan(200);
        assertThat(proven).isGreaterThan(valid / 2);
    }

    @Test
    void parametersItDoesNotModelAreLeftToTheValidator() {
        for (String name : List.of("nested", "elements", "optional", "pattern")) {
            assertThat(Precheck.forParameters(method(Routes.class, name), Routes.class)).as(name).isNull();
        }
        // An override: the validator checks the hierarchy's constraints together.
        assertThat(Precheck.forParameters(method(MoreRoutes.class, "pattern"), MoreRoutes.class)).isNull();
        // Called on a subclass instance: the validator looks at the subclass.
        assertThat(Precheck.forParameters(SEARCH, MoreRoutes.class)).isNull();
    }

    private static Item ok() {
        return new Item("Widget", 9.99, List.of("a", "b"), 3, 0L, Map.of("k", 1), 0, -1f, "ab", "n", null, (short) 0, null);
    }

    private static Item with(Item x, int field, Object v) {
        Object[] a = {x.name(), x.price(), x.tags(), x.qty(), x.debt(), x.attrs(), x.stock(), x.delta(), x.code(), x.nick(),
                x.weight(), x.level(), x.free()};
        a[field] = v;
        return new Item((String) a[0], (double) a[1], cast(a[2]), (int) a[3], (Long) a[4], cast(a[5]), (Integer) a[6],
                (float) a[7], (String) a[8], (String) a[9], (Double) a[10], (short) a[11], (String) a[12]);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Item random(Random r) {
        var ok = ok();
        // Each field keeps its ordinary value half of the time, so that many items are valid.
        return new Item(
                r.nextBoolean() ? ok.name() : pick(r, STRINGS),
                r.nextBoolean() ? ok.price() : pick(r, DOUBLES),
                r.nextBoolean() ? ok.tags() : list(r),
                r.nextBoolean() ? ok.qty() : (int) pick(r, LONGS),
                r.nextBoolean() ? ok.debt() : r.nextInt(4) == 0 ? null : pick(r, LONGS),
                r.nextBoolean() ? ok.attrs() : map(r),
                r.nextBoolean() ? ok.stock() : r.nextInt(4) == 0 ? null : (int) pick(r, LONGS),
                r.nextBoolean() ? ok.delta() : (float) pick(r, DOUBLES),
                r.nextBoolean() ? ok.code() : pick(r, STRINGS),
                r.nextBoolean() ? ok.nick() : pick(r, STRINGS),
                r.nextBoolean() ? ok.weight() : r.nextInt(4) == 0 ? null : pick(r, DOUBLES),
                r.nextBoolean() ? ok.level() : (short) pick(r, LONGS),
                pick(r, STRINGS));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static double pick(Random r, double[] values) {
        return values[r.nextInt(values.length)];
    }

    private static long pick(Random r, long[] values) {
        return values[r.nextInt(values.length)];
    }

    private static List<String> list(Random r) {
        if (r.nextInt(5) == 0) return null;
        var l = new ArrayList<String>();
        for (int i = r.nextInt(8); i > 0; i--) l.add("t" + i);
        return l;
    }

    private static Map<String, Integer> map(Random r) {
        if (r.nextInt(3) == 0) return null;
        var m = new HashMap<String, Integer>();
        for (int i = r.nextInt(3); i > 0; i--) m.put("k" + i, i);
        return m;
    }
}
