package dev.brisk.examples.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Values from a JSON Schema: valid ones (biased to bounds, empty and odd text, emoji, whitespace), and
 * invalid ones for a position (wrong types, each constraint broken). Every value it hands out has been
 * checked by {@link SchemaCheck}: valid ones are valid, invalid ones invalid. Numbers of format
 * {@code float} are single-precision values, as the format says. Invalid values leave out pydantic's
 * lax-mode coercions, which Brisk follows on purpose as FastAPI does (documented in parameters.md):
 * {@code 0}/{@code 1} and the words {@code yes}, {@code on}, {@code t} ... for booleans, numeric strings
 * for numbers.
 */
final class SchemaGen {
    /** Where a text value travels, which limits the characters it may hold. */
    enum Channel { JSON, QUERY, PATH, HEADER }

    /** No value of the schema could be made. */
    static final class Unsatisfiable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsatisfiable(String why) {
            super(why, null, false, false);
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final String[] PIECES = {"a", "Z", "0", "9", "-", "_", ".", " ", "é", "ß", "中", "\ud83d\ude00", "\ud83c\udf55",
            "\t", "\n", "\u00a0", "\u2003", "\ufeff", "\u001c", "\u0085", "\u200b", "\"", "\\", "/", "%", "?", "&", "=", "#", "+", "<"};
    private static final String[] HEADER_PIECES = {"a", "Z", "0", "9", "-", "_", ".", "~", "!", "*", "'", "(", ")", ":", "@", "=", "+", "/"};

    private final Random rnd;
    private final SchemaCheck check;

    SchemaGen(Random rnd, SchemaCheck check) {
        this.rnd = rnd;
        this.check = check;
    }

    // ------------------------------------------------------------------------------------ valid values

    JsonNode valid(JsonNode schema, Channel channel) {
        for (int attempt = 0; attempt < 40; attempt++) {
            JsonNode v = gen(schema, channel, 0);
            if (check.valid(schema, v)) return v;
        }
        throw new Unsatisfiable("no valid value found for " + schema);
    }

    private JsonNode gen(JsonNode schema, Channel ch, int depth) {
        schema = check.resolve(schema);
        if (schema.has("enum")) return pick(schema.get("enum"));
        if (schema.has("const")) return schema.get("const");
        if (schema.has("anyOf")) {
            JsonNode options = schema.get("anyOf");
            if (depth > 3) for (JsonNode o : options) if ("null".equals(o.path("type").asText())) return F.nullNode();
            return gen(options.get(rnd.nextInt(options.size())), ch, depth + 1);
        }
        if (schema.has("allOf")) {
            if (schema.get("allOf").size() != 1) throw new IllegalStateException("allOf of several schemas: " + schema);
            return gen(schema.get("allOf").get(0), ch, depth);
        }
        JsonNode type = schema.get("type");
        if (type == null) return anyValue(depth);
        String t = type.isArray() ? type.get(rnd.nextInt(type.size())).asText() : type.asText();
        return switch (t) {
            case "string" -> F.textNode(text(schema, ch));
            case "integer" -> F.numberNode(integer(schema));
            case "number" -> number(schema);
            case "boolean" -> F.booleanNode(rnd.nextBoolean());
            case "null" -> F.nullNode();
            case "array" -> array(schema, ch, depth);
            case "object" -> object(schema, ch, depth);
            default -> throw new IllegalStateException("type " + t);
        };
    }

    private JsonNode pick(JsonNode array) {
        return array.get(rnd.nextInt(array.size()));
    }

    private JsonNode anyValue(int depth) {
        return switch (rnd.nextInt(depth > 2 ? 4 : 6)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.numberNode(rnd.nextInt(100) - 50);
            case 3 -> F.textNode(randomText(rnd.nextInt(6), Channel.JSON));
            case 4 -> F.arrayNode().add(rnd.nextInt(10));
            default -> F.objectNode().put("k", "v");
        };
    }

    private String text(JsonNode s, Channel ch) {
        int min = s.path("minLength").asInt(0), max = s.has("maxLength") ? s.get("maxLength").asInt() : min + 24;
        if (ch == Channel.PATH) min = Math.max(min, 1);
        if (max < min) throw new Unsatisfiable("minLength above maxLength");
        String format = s.path("format").asText("");
        if (format.equals("uuid")) return java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) rnd.nextInt()}).toString();
        if (format.equals("date")) return java.time.LocalDate.of(2000 + rnd.nextInt(50), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)).toString();
        if (format.equals("email")) return "user" + rnd.nextInt(1000) + "@example.com";
        int length = switch (rnd.nextInt(5)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + rnd.nextInt(Math.min(max, min + 24) - min + 1);
        };
        return randomText(length, ch);
    }

    /** Exactly {@code length} code points. */
    String randomText(int length, Channel ch) {
        var sb = new StringBuilder();
        String[] pool = ch == Channel.HEADER ? HEADER_PIECES : PIECES;
        for (int i = 0; i < length; i++) {
            // mostly plain letters; the odd characters often enough to matter
            sb.append(rnd.nextInt(3) == 0 ? pool[rnd.nextInt(pool.length)] : String.valueOf((char) ('a' + rnd.nextInt(26))));
        }
        return sb.toString();
    }

    private BigInteger integer(JsonNode s) {
        BigInteger lo, hi;
        switch (s.path("format").asText("")) {
            case "int32" -> { lo = BigInteger.valueOf(Integer.MIN_VALUE); hi = BigInteger.valueOf(Integer.MAX_VALUE); }
            default -> { lo = BigInteger.valueOf(Long.MIN_VALUE); hi = BigInteger.valueOf(Long.MAX_VALUE); }
        }
        if (s.has("minimum")) lo = lo.max(ceil(s.get("minimum").decimalValue()));
        if (s.has("exclusiveMinimum")) lo = lo.max(floor(s.get("exclusiveMinimum").decimalValue()).add(BigInteger.ONE));
        if (s.has("maximum")) hi = hi.min(floor(s.get("maximum").decimalValue()));
        if (s.has("exclusiveMaximum")) hi = hi.min(ceil(s.get("exclusiveMaximum").decimalValue()).subtract(BigInteger.ONE));
        if (lo.compareTo(hi) > 0) throw new Unsatisfiable("empty integer range");
        BigInteger[] picks = {lo, hi, lo.add(BigInteger.ONE), hi.subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.valueOf(-1), BigInteger.valueOf(rnd.nextInt(8)), BigInteger.valueOf(rnd.nextInt(8)), uniform(lo, hi)};
        for (int i = 0; i < 20; i++) {
            BigInteger v = picks[rnd.nextInt(picks.length)];
            if (v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0) return v;
        }
        return lo;
    }

    private BigInteger uniform(BigInteger lo, BigInteger hi) {
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        BigInteger r;
        do {
            r = new BigInteger(span.bitLength(), rnd);
        } while (r.compareTo(span) >= 0);
        return lo.add(r);
    }

    private static BigInteger ceil(BigDecimal d) {
        return d.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
    }

    private static BigInteger floor(BigDecimal d) {
        return d.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
    }

    private JsonNode number(JsonNode s) {
        double bound = s.path("format").asText("").equals("float") ? Float.MAX_VALUE : Double.MAX_VALUE;
        double lo = s.has("minimum") ? s.get("minimum").doubleValue() : -bound;
        double hi = s.has("maximum") ? s.get("maximum").doubleValue() : bound;
        double[] picks = {lo, hi, 0.0, -0.0, 0.5, 1, -1.5, 9.99, 1e-300, 5e-324, 123456.789, -1e300, bound,
                lo + (hi - lo) * rnd.nextDouble(), rnd.nextDouble() * 1000};
        boolean single = s.path("format").asText("").equals("float");
        for (int i = 0; i < 30; i++) {
            double v = picks[rnd.nextInt(picks.length)];
            if (single) v = (float) v;
            if (!Double.isFinite(v)) continue;
            JsonNode n = F.numberNode(v);
            if (check.valid(s, n)) return n;
        }
        return F.numberNode(1.0);
    }

    private JsonNode array(JsonNode s, Channel ch, int depth) {
        int min = s.path("minItems").asInt(0), max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 4;
        if (depth > 3) max = min;
        int n = min + rnd.nextInt(Math.max(1, Math.min(max, min + 4) - min + 1));
        ArrayNode a = F.arrayNode();
        JsonNode items = s.has("items") ? s.get("items") : F.objectNode();
        boolean unique = s.path("uniqueItems").asBoolean(false);
        for (int i = 0, tries = 0; a.size() < n && tries < n * 10; tries++) {
            JsonNode item = valid(items, ch);
            if (unique && contains(a, item)) continue;
            a.add(item);
            i++;
        }
        return a;
    }

    private static boolean contains(ArrayNode a, JsonNode v) {
        for (JsonNode x : a) if (x.equals(v)) return true;
        return false;
    }

    private JsonNode object(JsonNode s, Channel ch, int depth) {
        ObjectNode o = F.objectNode();
        var required = new java.util.HashSet<String>();
        for (JsonNode r : s.path("required")) required.add(r.asText());
        for (Iterator<String> it = s.path("properties").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (required.contains(name) || depth < 3 && rnd.nextInt(10) < 6) o.set(name, gen(s.get("properties").get(name), ch, depth + 1));
        }
        JsonNode extra = s.get("additionalProperties");
        if (extra != null && !extra.isBoolean()) {
            for (int i = rnd.nextInt(depth > 2 ? 1 : 3); i > 0; i--) o.set(randomText(1 + rnd.nextInt(5), Channel.JSON), gen(extra, ch, depth + 1));
        } else if (extra == null && rnd.nextInt(5) == 0) {
            o.set("unknownField" + rnd.nextInt(3), anyValue(depth + 1));   // allowed by the schema: the server must ignore it
        }
        return o;
    }

    // ------------------------------------------------------------------------------------ invalid values

    /** Values for a position of {@code schema} that break it, each checked invalid; empty when none exists. */
    List<JsonNode> invalid(JsonNode schema) {
        var candidates = new ArrayList<JsonNode>();
        candidates.add(F.nullNode());
        candidates.add(F.booleanNode(true));
        candidates.add(F.numberNode(0));
        candidates.add(F.numberNode(-1));
        candidates.add(F.numberNode(new BigDecimal("1.5")));
        candidates.add(F.textNode("x"));
        candidates.add(F.textNode(""));
        candidates.add(F.arrayNode());
        candidates.add(F.objectNode());
        candidates.add(F.numberNode(new BigDecimal("1E+400")));
        candidates.add(F.numberNode(new BigInteger("2147483648")));
        candidates.add(F.numberNode(new BigInteger("-9223372036854775809")));
        candidates.add(F.numberNode(new BigInteger("123456789012345678901234567")));
        addConstraintBreakers(check.resolve(schema), candidates, 0);
        var out = new ArrayList<JsonNode>();
        for (JsonNode c : candidates) if (!check.valid(schema, c) && !laxlyAccepted(schema, c)) out.add(c);
        return out;
    }

    private static final java.util.Set<String> LAX_BOOLEANS = java.util.Set.of("0", "1", "true", "false", "yes", "no", "on", "off",
            "t", "f", "y", "n");

    /** pydantic's lax mode (Brisk's too) takes this value for the schema's type although JSON Schema does not. */
    private boolean laxlyAccepted(JsonNode schema, JsonNode v) {
        JsonNode s = check.resolve(schema);
        for (String combinator : List.of("anyOf", "allOf")) {
            for (JsonNode branch : s.path(combinator)) if (laxlyAccepted(branch, v)) return true;
        }
        if (!s.has("type")) return false;
        for (JsonNode t : s.get("type").isArray() ? s.get("type") : F.arrayNode().add(s.get("type"))) {
            switch (t.asText()) {
                case "boolean" -> {
                    if (v.isIntegralNumber() && (v.intValue() == 0 || v.intValue() == 1)) return true;
                    if (v.isTextual() && LAX_BOOLEANS.contains(v.textValue().toLowerCase(java.util.Locale.ROOT))) return true;
                }
                case "integer", "number" -> {
                    if (v.isTextual() && v.textValue().strip().matches("[+-]?[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?")) {
                        JsonNode n = F.numberNode(new BigDecimal(v.textValue().strip()));
                        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) s.deepCopy()).put("type", t.asText());
                        if (check.valid(copy, n)) return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private void addConstraintBreakers(JsonNode s, List<JsonNode> out, int depth) {
        if (depth > 3) return;
        s = check.resolve(s);
        for (String combinator : List.of("anyOf", "allOf")) {
            for (JsonNode branch : s.path(combinator)) addConstraintBreakers(branch, out, depth + 1);
        }
        if (s.has("enum")) out.add(F.textNode("not-one-of-them"));
        if (s.has("minLength") && s.get("minLength").asInt() > 0) out.add(F.textNode("\ud83d\ude00".repeat(s.get("minLength").asInt() - 1)));
        if (s.has("maxLength")) {
            int n = s.get("maxLength").asInt() + 1;
            out.add(F.textNode("\ud83d\ude00".repeat(n)));
            out.add(F.textNode("y".repeat(n)));
        }
        if (s.has("pattern")) {
            for (String t : List.of(" ", "\u00a0", "\t\n", "\ufeff \u3000", "", "x\u00e9", "a b")) out.add(F.textNode(t));
        }
        for (String k : List.of("minimum", "exclusiveMinimum")) {
            if (s.has(k)) {
                BigDecimal b = s.get(k).decimalValue();
                out.add(F.numberNode(b));
                out.add(F.numberNode(b.subtract(BigDecimal.ONE)));
                out.add(F.numberNode(b.subtract(new BigDecimal("0.001"))));
            }
        }
        for (String k : List.of("maximum", "exclusiveMaximum")) {
            if (s.has(k)) {
                BigDecimal b = s.get(k).decimalValue();
                out.add(F.numberNode(b));
                out.add(F.numberNode(b.add(BigDecimal.ONE)));
            }
        }
        if (s.has("maxItems")) {
            ArrayNode a = F.arrayNode();
            JsonNode items = s.has("items") ? s.get("items") : F.objectNode();
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) a.add(valid(items, Channel.JSON));
            out.add(a);
        }
        if (s.has("items") && !s.has("maxItems")) {
            for (JsonNode bad : invalid(s.get("items"))) {
                if (rnd.nextInt(3) == 0) out.add(F.arrayNode().add(bad));
            }
        }
    }

    // ------------------------------------------------------------------------------------ parameters as text

    /** A parameter's text as the typed value it stands for, or null when it stands for none of the schema's types. */
    JsonNode fromText(JsonNode schema, String text) {
        schema = check.resolve(schema);
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                JsonNode v = fromText(branch, text);
                if (v != null && check.valid(branch, v)) return v;
            }
            return null;
        }
        String type = schema.path("type").asText("string");
        return switch (type) {
            case "integer" -> text.matches("-?[0-9]+") ? F.numberNode(new BigInteger(text)) : null;
            case "number" -> text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") ? F.numberNode(new BigDecimal(text)) : null;
            case "boolean" -> text.equals("true") ? F.booleanNode(true) : text.equals("false") ? F.booleanNode(false) : null;
            case "string" -> F.textNode(text);
            default -> throw new IllegalStateException("parameter of type " + type);
        };
    }

    /** The text of a valid parameter value. */
    static String toText(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isBigDecimal()) return v.decimalValue().toString();
        return v.asText();
    }

    /** Texts that stand for no valid value of the parameter's schema. */
    List<String> invalidTexts(JsonNode schema, Channel ch) {
        var candidates = new ArrayList<String>(List.of("abc", "1.5", "1e3", "-", "2147483648", "9223372036854775808",
                "123456789012345678901234567", "inf", "nan", "NaN", "1e400", "maybe", "2", "-1", "0", "not-one-of-them"));
        if (ch != Channel.PATH) candidates.add("");
        if (ch != Channel.HEADER) candidates.addAll(List.of("\u00a0", "\ud83d\ude00"));
        JsonNode s = check.resolve(schema);
        if (s.has("maxLength")) candidates.add("z".repeat(s.get("maxLength").asInt() + 1));
        if (s.has("minLength") && s.get("minLength").asInt() > 1) candidates.add("z".repeat(s.get("minLength").asInt() - 1));
        for (String k : List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")) {
            if (s.has(k)) {
                BigInteger b = s.get(k).decimalValue().toBigInteger();
                candidates.addAll(List.of(b.toString(), b.subtract(BigInteger.ONE).toString(), b.add(BigInteger.ONE).toString()));
            }
        }
        var out = new ArrayList<String>();
        for (String c : candidates) {
            JsonNode v = fromText(schema, c);
            if ((v == null || !check.valid(schema, v)) && !laxlyAccepted(schema, F.textNode(c))) out.add(c);
        }
        return out;
    }
}
