package dev.brisk.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brisk's own writers of plain values write the bytes Brisk's Jackson mapper writes, and every type Jackson
 * would treat differently (its annotations, extra getters, its own serialization, types its modules write) is
 * left to the mapper.
 */
class PlainJsonWritesWhatJacksonWritesTest {
    private static final ObjectMapper MAPPER = Json.create(1 << 24);
    private static final String SPECIALS = "\"\\/<>&'\u007f\u2028\u2029";

    public enum Colour { RED, GREEN { @Override public String toString() { return "green!"; } } }

    public record Inner(String b, int a) {
    }

    public record Everything(String zeta, double alpha, Integer boxed, boolean flag, Boolean boxedFlag, long big,
                             Long boxedBig, float f, Float boxedF, short s, byte by, Short boxedS, BigDecimal dec,
                             BigInteger bigInt, Colour colour, Inner inner, List<Inner> inners, Set<String> tags,
                             List<List<Integer>> matrix) {
    }

    public record Empty() {
    }

    /** Jackson writes what the accessor returns, and so does Brisk. */
    public record Overridden(String name) {
        @Override
        public String name() {
            return "X" + name;
        }
    }

    record PackagePrivate(String name) {
    }

    public record Tree(String name, List<Tree> children) {
    }

    /** {@code List<t>} as a reflective type. */
    private record ListType(Type element) implements java.lang.reflect.ParameterizedType {
        @Override public Type[] getActualTypeArguments() { return new Type[] {element}; }
        @Override public Type getRawType() { return List.class; }
        @Override public Type getOwnerType() { return null; }
    }

    private static String plain(Type type, Object value) throws Exception {
        var w = PlainJson.writer(type).orElseThrow(() -> new AssertionError(type + " should be plain"));
        var out = new StringWriter();
        try (JsonGenerator g = Json.factory(1 << 24).createGenerator(out)) {
            w.write(g, value);
        }
        return out.toString();
    }

    private static void same(Type type, Object value) throws Exception {
        String jackson = MAPPER.writerFor(MAPPER.constructType(type)).writeValueAsString(value);
        assertThat(plain(type, value)).isEqualTo(jackson);
    }

    @Test
    void recordsOfEveryPlainKindAreWrittenAsJacksonWritesThem() throws Exception {
        var inners = new ArrayList<Inner>();
        inners.add(new Inner("x", 1));
        inners.add(null);
        var tags = new LinkedHashSet<String>(List.of("b", "a"));
        same(Everything.class, new Everything("z\u00e9\u2028\"\\\n\u0001/</script>\uD83D\uDE00", 1e21, null, true, null,
                Long.MIN_VALUE, 7L, 1.1f, null, (short) -3, (byte) 9, (short) 4, new BigDecimal("1.50E+3"),
                new BigInteger("123456789012345678901234567890"), Colour.GREEN, new Inner(null, -0), inners, tags,
                List.of(List.of(1, 2), List.of())));
        same(Everything.class, new Everything("", Double.NaN, 0, false, false, 0, null, Float.POSITIVE_INFINITY,
                Float.NaN, (short) 0, (byte) 0, null, null, null, null, null, null, null, null));
        same(Everything.class, new Everything(null, -0.0, Integer.MIN_VALUE, true, true, Long.MAX_VALUE, Long.MIN_VALUE,
                Float.MIN_VALUE, -0.0f, Short.MAX_VALUE, Byte.MIN_VALUE, Short.MIN_VALUE, BigDecimal.ZERO, BigInteger.ONE,
                Colour.RED, new Inner("", 0), List.of(), Set.of(), List.of(List.of())));
        same(Everything.class, null);
        same(Empty.class, new Empty());
        same(Overridden.class, new Overridden("a"));
        same(PackagePrivate.class, new PackagePrivate("hidden"));
        same(new ListType(Inner.class), List.of(new Inner("a", 1), new Inner("b", 2)));
        same(new ListType(String.class), java.util.Arrays.asList("a", null, "c"));
        same(Colour.class, Colour.GREEN);
    }

    @Test
    void randomStringsAndNumbersAreWrittenAsJacksonWritesThem() throws Exception {
        var random = new Random(20261201);
        for (int i = 0; i < 2000; i++) {
            var sb = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                int kind = random.nextInt(6);
                if (kind == 0) sb.append((char) random.nextInt(0x20));                    // controls
                else if (kind == 1) sb.append((char) (0xD800 + random.nextInt(0x800)));   // surrogates, paired or not
                else if (kind == 2) sb.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                else if (kind == 3) sb.appendCodePoint(0x80 + random.nextInt(0x10000 - 0x80));
                else sb.append((char) (0x20 + random.nextInt(0x5f)));
            }
            double d = switch (random.nextInt(4)) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> random.nextInt();
                default -> random.nextGaussian() * 1e300;
            };
            float f = Float.intBitsToFloat(random.nextInt());
            var v = new Everything(sb.toString(), d, random.nextInt(), random.nextBoolean(), null, random.nextLong(), null,
                    f, f, (short) random.nextInt(), (byte) random.nextInt(), null, null, null, null,
                    new Inner(sb.reverse().toString(), random.nextInt()), null, null, null);
            same(Everything.class, v);
        }
    }

    @Test
    void treesAreWrittenAsJacksonWritesThem() throws Exception {
        for (String doc : List.of("{\"detail\":[{\"type\":\"x\",\"loc\":[\"body\",0],\"input\":{\"a\":[],\"b\":{},\"c\":null}}]}",
                "[1,-2,3000000000,123456789012345678901234567890,1.5,-0.0,1e300,12.50,true,false,null,\"\\u0000\\u2028\\ud83d\\ude00\"]",
                "\"text\"", "42", "{}", "[]")) {
            var tree = MAPPER.readTree(doc);
            var out = new StringWriter();
            try (JsonGenerator g = Json.factory(1 << 24).createGenerator(out)) {
                PlainJson.TREE.write(g, tree);
            }
            assertThat(out.toString()).isEqualTo(MAPPER.writeValueAsString(tree));
        }
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var built = nodes.objectNode().put("i", 1).put("l", 5L).put("s", "x").put("f", 1.1f).put("d", 0.1)
                .put("b", true).putNull("n");
        var out = new StringWriter();
        try (JsonGenerator g = Json.factory(1 << 24).createGenerator(out)) {
            PlainJson.TREE.write(g, built);
        }
        assertThat(out.toString()).isEqualTo(MAPPER.writeValueAsString(built));
    }

    @Test
    void recursiveRecordsAreLeftToJackson() {
        assertThat(PlainJson.isPlain(Tree.class)).isFalse();
    }

    public record Renamed(@JsonProperty("full_name") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SkipsNulls(String name) {
    }

    @JsonPropertyOrder({"b", "a"})
    public record Ordered(String a, String b) {
    }

    public record Ignores(String name, @JsonIgnore String secret) {
    }

    public record WithGetter(String first, String last) {
        public String getFullName() {
            return first + " " + last;
        }
    }

    public record WithIsGetter(String name) {
        public boolean isEmpty() {
            return name.isEmpty();
        }
    }

    public interface Kind {
        default String getKind() {
            return "k";
        }
    }

    public record InheritsGetter(String name) implements Kind {
    }

    public record ComponentLikeAGetter(boolean isActive) {
    }

    public enum Coded {
        ONE;

        @JsonValue
        public int code() {
            return 1;
        }
    }

    public record SerializesItself(String name) implements JsonSerializable {
        @Override public void serialize(JsonGenerator g, SerializerProvider p) throws java.io.IOException { g.writeString(name); }
        @Override public void serializeWithType(JsonGenerator g, SerializerProvider p, TypeSerializer t) throws java.io.IOException { serialize(g, p); }
    }

    public record WithOptional(Optional<String> name) {
    }

    public record WithDate(LocalDate day) {
    }

    public record WithMap(Map<String, String> labels) {
    }

    public record WithArray(int[] values) {
    }

    public record WithChar(char c) {
    }

    public record Generic<T>(T value) {
    }

    public record HoldsANonPlain(String name, WithDate inner) {
    }

    public static final class Bean {
        public String getName() {
            return "n";
        }
    }

    @Test
    void typesJacksonTreatsOtherwiseAreLeftToIt() throws Exception {
        for (Class<?> c : List.of(Renamed.class, SkipsNulls.class, Ordered.class, Ignores.class, WithGetter.class,
                WithIsGetter.class, InheritsGetter.class, ComponentLikeAGetter.class, Coded.class, SerializesItself.class,
                WithOptional.class, WithDate.class, WithMap.class, WithArray.class, WithChar.class, Generic.class,
                HoldsANonPlain.class, Bean.class, Object.class, Map.class, Optional.class, LocalDate.class, char.class,
                byte[].class, Number.class)) {
            assertThat(PlainJson.isPlain(c)).as(c.getSimpleName()).isFalse();
        }
        assertThat(PlainJson.isPlain(new ListType(Object.class))).isFalse();
        assertThat(PlainJson.isPlain(new ListType(WithDate.class))).isFalse();
        // and what they are left for: Jackson writes them otherwise than a loop over the components would
        assertThat(MAPPER.writeValueAsString(new Renamed("x"))).isEqualTo("{\"full_name\":\"x\"}");
        assertThat(MAPPER.writeValueAsString(new WithGetter("a", "b"))).contains("\"fullName\":\"a b\"");
        assertThat(MAPPER.writeValueAsString(new InheritsGetter("a"))).contains("\"kind\":\"k\"");
        assertThat(MAPPER.writeValueAsString(Coded.ONE)).isEqualTo("1");
    }
}
