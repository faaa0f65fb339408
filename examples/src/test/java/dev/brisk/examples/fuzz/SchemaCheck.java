package dev.brisk.examples.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A JSON Schema 2020-12 validator for the keywords OpenAPI 3.1 documents of Brisk use. A keyword it does
 * not know fails loudly rather than being ignored, so the fuzz test never passes by overlooking a
 * constraint. Formats are checked where OpenAPI defines them as ranges ({@code int32}, {@code int64},
 * {@code float}, {@code double}); others are annotations, as JSON Schema says. Patterns are ECMA-262:
 * {@code \s} and {@code \S} are translated to ECMA-262's whitespace before Java compiles them.
 */
final class SchemaCheck {
    static final Set<String> KEYWORDS = Set.of("type", "format", "enum", "const", "anyOf", "allOf", "$ref", "properties", "required",
            "additionalProperties", "items", "uniqueItems", "minItems", "maxItems", "minLength", "maxLength", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minProperties", "maxProperties", "default", "title", "description",
            "contentMediaType", "deprecated", "examples");

    /** ECMA-262 WhiteSpace and LineTerminator, as a Java character class body. */
    static final String ECMA_WS = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE), INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE), INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE), FLOAT_MAX = new BigDecimal(Float.MAX_VALUE);
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** The schema a {@code $ref} points to. */
    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new IllegalStateException("unsupported $ref " + ref);
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) target = target.path(part.replace("~1", "/").replace("~0", "~"));
            if (target.isMissingNode()) throw new IllegalStateException("dangling $ref " + ref);
            if (schema.size() > 1) throw new IllegalStateException("$ref with siblings: " + schema);
            schema = target;
            if (++hops > 50) throw new IllegalStateException("$ref loop at " + ref);
        }
        return schema;
    }

    /** Every problem of {@code value} against {@code schema}; empty when valid. */
    List<String> problems(JsonNode schema, JsonNode value) {
        var out = new ArrayList<String>();
        check(schema, value, "$", out);
        return out;
    }

    boolean valid(JsonNode schema, JsonNode value) {
        return problems(schema, value).isEmpty();
    }

    private void check(JsonNode schema, JsonNode v, String at, List<String> out) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) out.add(at + ": no value is allowed");
            return;
        }
        schema = resolve(schema);
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYWORDS.contains(k)) throw new IllegalStateException("the fuzzer does not know the keyword '" + k + "' in " + schema);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
            out.add(at + ": " + kind(v) + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) found |= equal(e, v);
            if (!found) out.add(at + ": " + v + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !equal(schema.get("const"), v)) out.add(at + ": " + v + " is not " + schema.get("const"));
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode s : schema.get("anyOf")) any |= valid(s, v);
            if (!any) out.add(at + ": matches no schema of anyOf " + schema.get("anyOf"));
        }
        if (schema.has("allOf")) for (JsonNode s : schema.get("allOf")) check(s, v, at, out);
        if (v.isNumber()) numeric(schema, v, at, out);
        if (v.isTextual()) text(schema, v.textValue(), at, out);
        if (v.isArray()) array(schema, v, at, out);
        if (v.isObject()) object(schema, v, at, out);
    }

    static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) if (typeMatches(t, v)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || v.isNumber() && isIntegral(v.decimalValue());
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "null" -> v.isNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static String kind(JsonNode v) {
        return v.isNull() ? "null" : v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
                : v.isArray() ? "an array" : "an object";
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    private static void numeric(JsonNode s, JsonNode v, String at, List<String> out) {
        BigDecimal d = v.decimalValue();
        String format = s.path("format").asText("");
        BigInteger i = isIntegral(d) ? d.toBigIntegerExact() : null;
        if (format.equals("int32") && (i == null || i.compareTo(INT32_MIN) < 0 || i.compareTo(INT32_MAX) > 0)) out.add(at + ": " + v + " is no int32");
        if (format.equals("int64") && (i == null || i.compareTo(INT64_MIN) < 0 || i.compareTo(INT64_MAX) > 0)) out.add(at + ": " + v + " is no int64");
        if (format.equals("double") && d.abs().compareTo(DOUBLE_MAX) > 0) out.add(at + ": " + v + " is beyond a double");
        if (format.equals("float") && d.abs().compareTo(FLOAT_MAX) > 0) out.add(at + ": " + v + " is beyond a float");
        if (s.has("minimum") && d.compareTo(s.get("minimum").decimalValue()) < 0) out.add(at + ": " + v + " < minimum " + s.get("minimum"));
        if (s.has("maximum") && d.compareTo(s.get("maximum").decimalValue()) > 0) out.add(at + ": " + v + " > maximum " + s.get("maximum"));
        if (s.has("exclusiveMinimum") && d.compareTo(s.get("exclusiveMinimum").decimalValue()) <= 0) {
            out.add(at + ": " + v + " <= exclusiveMinimum " + s.get("exclusiveMinimum"));
        }
        if (s.has("exclusiveMaximum") && d.compareTo(s.get("exclusiveMaximum").decimalValue()) >= 0) {
            out.add(at + ": " + v + " >= exclusiveMaximum " + s.get("exclusiveMaximum"));
        }
    }

    private static void text(JsonNode s, String v, String at, List<String> out) {
        int length = v.codePointCount(0, v.length());
        if (s.has("minLength") && length < s.get("minLength").asInt()) out.add(at + ": " + length + " characters < minLength " + s.get("minLength"));
        if (s.has("maxLength") && length > s.get("maxLength").asInt()) out.add(at + ": " + length + " characters > maxLength " + s.get("maxLength"));
        if (s.has("pattern") && !pattern(s.get("pattern").asText()).matcher(v).find()) {
            out.add(at + ": " + quote(v) + " does not match the pattern " + s.get("pattern").asText());
        }
    }

    static String quote(String v) {
        var sb = new StringBuilder("\"");
        v.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) sb.append(String.format(c > 0xffff ? "\\U%06x" : "\\u%04x", c));
            else sb.appendCodePoint(c);
        });
        return sb.append('"').toString();
    }

    /** An ECMA-262 pattern as a Java one: {@code \s}/{@code \S} become ECMA-262's whitespace classes (also inside classes, by union). */
    static Pattern pattern(String ecma) {
        return PATTERNS.computeIfAbsent(ecma, p -> {
            var sb = new StringBuilder();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\' && i + 1 < p.length()) {
                    char n = p.charAt(++i);
                    if (n == 's') sb.append("[").append(ECMA_WS).append("]");
                    else if (n == 'S') sb.append("[^").append(ECMA_WS).append("]");
                    else sb.append(c).append(n);
                } else {
                    sb.append(c);
                }
            }
            return Pattern.compile(sb.toString());
        });
    }

    private void array(JsonNode s, JsonNode v, String at, List<String> out) {
        if (s.has("minItems") && v.size() < s.get("minItems").asInt()) out.add(at + ": " + v.size() + " items < minItems " + s.get("minItems"));
        if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) out.add(at + ": " + v.size() + " items > maxItems " + s.get("maxItems"));
        if (s.path("uniqueItems").asBoolean(false)) {
            var seen = new HashSet<JsonNode>();
            for (JsonNode item : v) {
                for (JsonNode other : seen) if (equal(other, item)) out.add(at + ": " + item + " is repeated");
                seen.add(item);
            }
        }
        if (s.has("items")) for (int i = 0; i < v.size(); i++) check(s.get("items"), v.get(i), at + "[" + i + "]", out);
    }

    private void object(JsonNode s, JsonNode v, String at, List<String> out) {
        if (s.has("required")) for (JsonNode r : s.get("required")) if (!v.has(r.asText())) out.add(at + ": required " + r + " is absent");
        if (s.has("minProperties") && v.size() < s.get("minProperties").asInt()) out.add(at + ": fewer than minProperties");
        if (s.has("maxProperties") && v.size() > s.get("maxProperties").asInt()) out.add(at + ": more than maxProperties");
        JsonNode props = s.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode ps = props.get(e.getKey());
            if (ps != null) check(ps, e.getValue(), at + "." + e.getKey(), out);
            else if (s.has("additionalProperties")) check(s.get("additionalProperties"), e.getValue(), at + "." + e.getKey(), out);
        }
    }
}
