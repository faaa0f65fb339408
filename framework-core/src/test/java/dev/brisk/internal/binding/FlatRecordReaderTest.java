package dev.brisk.internal.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Default;
import dev.brisk.internal.json.Json;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader for records of plain fields gives the tree reader's value whenever it answers,
 * and leaves every body the tree reader rejects (or reads with a coercion) to it.
 */
class FlatRecordReaderTest {

    public record Plain(String s, int i, Integer bi, long l, double d, Double bd, float f, boolean b, Boolean bb,
                        short sh, byte by, @NotBlank String req, @JsonProperty("renamed") String java) {
    }

    public record Nested(String s, Plain inner) {
    }

    /** Defaults and nulls: an absent field takes its default in both readers; a null for a defaulted field is the tree reader's error. */
    public record Defaults(@Default("7") int n, @Default("x") String s, @Default("true") Boolean b, @Default("2.5") double d,
                           @Default("-3") long l, String free) {
    }

    private static final String[] NAMES = {"s", "i", "bi", "l", "d", "bd", "f", "b", "bb", "sh", "by", "req", "renamed"};
    private static final String[] VALUES = {"\"x\"", "\"\"", "\" \"", "\"1\"", "\"true\"", "\"é\\n\\u00e9\"", "0", "1", "-1",
            "-0", "1.0", "1.5", "-0.0", "1e3", "1e400", "-1e400", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "32768", "-129", "127", "true", "false", "null", "[]", "[1]",
            "{}", "{\"a\":1}", "9.99", "1e-400", "0.1", "1e39", "-3.5e38", "3.4e38"};

    private static final class Fixture {
        final com.fasterxml.jackson.databind.ObjectMapper m = Json.create(1 << 20);
        final BodyReader reader = new BodyReader(m);
    }

    private final Fixture mapper = new Fixture();

    @Test
    void agreesWithTheTreeReaderOnRandomBodies() throws Exception {
        var plan = mapper.reader.plan(Plain.class);
        var fast = FlatRecordReader.of(plan, mapper.m.getFactory());
        assertThat(fast).isNotNull();
        var rnd = new Random(7);
        int fastAnswers = 0;
        for (int n = 0; n < 30_000; n++) {
            String body = randomBody(rnd);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Object f = fast.read(bytes);
            Object tree = FlatRecordReader.FALLBACK;
            var errors = new Errors();
            JsonNode node;
            try {
                node = mapper.m.readerFor(JsonNode.class).readTree(bytes);
            } catch (Exception e) {
                node = null;
            }
            if (node != null && !node.isMissingNode() && !node.isNull()) {
                Object v = plan.read(node, Loc.root("body"), errors);
                if (errors.isEmpty()) tree = v;
            }
            if (f != FlatRecordReader.FALLBACK) {
                fastAnswers++;
                assertThat(tree).as("fast answered but the tree reader did not: %s", body).isNotSameAs(FlatRecordReader.FALLBACK);
                assertThat(f).as(body).isEqualTo(tree);
            }
        }
        assertThat(fastAnswers).as("bodies the streaming reader answered").isGreaterThan(1000);
    }

    @Test
    void agreesWithTheTreeReaderOnDefaults() throws Exception {
        var plan = mapper.reader.plan(Defaults.class);
        var fast = FlatRecordReader.of(plan, mapper.m.getFactory());
        assertThat(fast).isNotNull();
        assertThat(fast.read("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(new Defaults(7, "x", true, 2.5, -3L, null));
        String[] names = {"n", "s", "b", "d", "l", "free"};
        String[] values = {"null", "1", "\"y\"", "false", "0.5", "-0", "[]"};
        var rnd = new Random(11);
        int fastAnswers = 0, treeErrors = 0;
        for (int k = 0; k < 5_000; k++) {
            var fields = new ArrayList<String>();
            for (String name : names) if (rnd.nextInt(3) != 0) fields.add("\"" + name + "\":" + values[rnd.nextInt(values.length)]);
            byte[] bytes = ("{" + String.join(",", fields) + "}").getBytes(StandardCharsets.UTF_8);
            var errors = new Errors();
            Object tree = plan.read(mapper.m.readTree(bytes), Loc.root("body"), errors);
            Object f = fast.read(bytes);
            if (!errors.isEmpty()) treeErrors++;
            if (f != FlatRecordReader.FALLBACK) {
                fastAnswers++;
                assertThat(errors.list()).as(new String(bytes, StandardCharsets.UTF_8)).isEmpty();
                assertThat(f).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(tree);
            }
        }
        assertThat(fastAnswers).isGreaterThan(50);
        assertThat(treeErrors).isGreaterThan(100);
    }

    @Test
    void aNullForADefaultedFieldIsTheTypesError() throws Exception {
        var plan = mapper.reader.plan(Defaults.class);
        var errors = new Errors();
        plan.read(mapper.m.readTree("{\"n\":null,\"s\":null,\"b\":null,\"free\":null}"), Loc.root("body"), errors);
        assertThat(errors.list()).extracting(dev.brisk.ValidationError::type).containsExactly("int_type", "string_type", "bool_type");
        assertThat(FlatRecordReader.of(plan, mapper.m.getFactory()).read("{\"s\":null}".getBytes(StandardCharsets.UTF_8)))
                .isSameAs(FlatRecordReader.FALLBACK);
    }

    @Test
    void readsAnOrdinaryBody() {
        var fast = FlatRecordReader.of(mapper.reader.plan(Plain.class), mapper.m.getFactory());
        String body = "{\"s\":\"a\",\"i\":1,\"bi\":2,\"l\":3,\"d\":4.5,\"bd\":5,\"f\":6.5,\"b\":true,\"bb\":false,\"sh\":7,\"by\":8,"
                + "\"req\":\"r\",\"renamed\":\"j\",\"unknown\":{\"deep\":[1,2,{\"x\":null}]}}";
        assertThat(fast.read(body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Plain("a", 1, 2, 3L, 4.5, 5.0, 6.5f, true, false, (short) 7, (byte) 8, "r", "j"));
    }

    @Test
    void leavesTheUnusualToTheTreeReader() {
        var fast = FlatRecordReader.of(mapper.reader.plan(Plain.class), mapper.m.getFactory());
        String ok = "\"s\":\"a\",\"i\":1,\"l\":3,\"d\":4.5,\"f\":6.5,\"b\":true,\"sh\":7,\"by\":8,\"req\":\"r\"";
        assertThat(fast.read(("{" + ok + "}").getBytes(StandardCharsets.UTF_8))).isInstanceOf(Plain.class);
        for (String body : List.of(
                "{" + ok + ",\"i\":2}",                       // repeated key
                "{" + ok + "} {}",                             // trailing content
                "{" + ok,                                      // truncated
                "{" + ok.replace("\"i\":1", "\"i\":\"1\"") + "}",   // string for a number (coerced by the tree reader)
                "{" + ok.replace("\"i\":1", "\"i\":1.0") + "}",     // float for an int
                "{" + ok.replace("\"i\":1", "\"i\":null") + "}",    // null for a primitive
                "{" + ok.replace("\"d\":4.5", "\"d\":1e400") + "}", // infinite
                "{" + ok.replace(",\"req\":\"r\"", "") + "}",       // required field missing
                "[1]", "\"x\"", "")) {
            assertThat(fast.read(body.getBytes(StandardCharsets.UTF_8))).as(body).isSameAs(FlatRecordReader.FALLBACK);
        }
    }

    @Test
    void isOnlyBuiltForRecordsOfPlainFields() {
        assertThat(FlatRecordReader.of(mapper.reader.plan(Nested.class), mapper.m.getFactory())).isNull();
        assertThat(FlatRecordReader.of(mapper.reader.plan(String.class), mapper.m.getFactory())).isNull();
    }

    private static String randomBody(Random r) {
        switch (r.nextInt(40)) {
            case 0: return "";
            case 1: return "[]";
            case 2: return "null";
            case 3: return "{\"s\":";
            default: break;
        }
        var fields = new ArrayList<String>();
        for (String name : NAMES) {
            int roll = r.nextInt(40);
            if (roll == 0) continue;                                            // absent
            String value = roll < 37 ? ordinary(name) : VALUES[r.nextInt(VALUES.length)];
            fields.add("\"" + name + "\":" + value);
            if (r.nextInt(40) == 0) fields.add("\"" + name + "\":" + ordinary(name));   // repeated
        }
        if (r.nextInt(5) == 0) fields.add(r.nextInt(fields.size() + 1), "\"extra\":" + VALUES[r.nextInt(VALUES.length)]);
        java.util.Collections.shuffle(fields, r);
        String body = "{" + String.join(",", fields) + "}";
        if (r.nextInt(50) == 0) body += " 1";
        if (r.nextInt(50) == 0) body = " \n" + body + "\n ";
        return body;
    }

    private static String ordinary(String name) {
        return switch (name) {
            case "s", "req", "renamed" -> "\"v\"";
            case "d", "bd", "f" -> "2.5";
            case "b", "bb" -> "true";
            default -> "3";
        };
    }
}
