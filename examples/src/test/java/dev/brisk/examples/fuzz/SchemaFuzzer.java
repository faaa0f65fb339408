package dev.brisk.examples.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brisk.App;
import dev.brisk.examples.fuzz.SchemaGen.Channel;
import dev.brisk.openapi.OpenApi;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A Schemathesis-style fuzzer over an app's own OpenAPI document, run in-process through the
 * {@link TestClient}. For every operation it sends positive cases (every value generated from the
 * schema) and negative ones (one parameter or body position broken: absent when required, of another
 * type, or past a constraint), then checks each response: its status is documented; positive data is
 * never answered 422 (the schema accepts what the server rejects) nor 5xx; negative data is answered
 * with a documented 4xx, never 2xx (the server accepts what the schema rejects) nor 5xx; and the body
 * conforms to the documented schema of that status and media type.
 */
final class SchemaFuzzer {
    /** One mismatch between the document and the server. */
    record Finding(String operation, String problem, String request) {
        @Override
        public String toString() {
            return operation + ": " + problem + "\n    request: " + request;
        }
    }

    /** What one run did. */
    record Report(List<Finding> findings, Map<String, int[]> casesByOperation, boolean outOfTime) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final App app;
    private final Map<String, List<String>> hints;
    private final Random rnd;
    private final int cases;
    private final Duration budget;
    private SchemaCheck check;
    private SchemaGen gen;

    /**
     * @param hints values for parameters by name, used in most positive cases (an API key the schema cannot know)
     * @param cases positive and, separately, negative cases per operation
     * @param budget time after which no new case is started
     */
    SchemaFuzzer(App app, Map<String, List<String>> hints, long seed, int cases, Duration budget) {
        this.app = app;
        this.hints = hints;
        this.rnd = new Random(seed);
        this.cases = cases;
        this.budget = budget;
    }

    private record Param(String name, String in, boolean required, JsonNode schema) {
    }

    private record Operation(String method, String path, List<Param> params, JsonNode body, boolean bodyRequired, JsonNode responses) {
        String id() {
            return method + " " + path;
        }

        boolean hasInputs() {
            return !params.isEmpty() || body != null;
        }
    }

    /** A request being built: values by parameter, and the body. */
    private static final class Case {
        final Map<Param, List<String>> values = new LinkedHashMap<>();
        JsonNode body;
        String rawBody;
        String broken;

        String describe(Operation op) {
            var sb = new StringBuilder(op.method).append(' ').append(target(op));
            values.forEach((p, v) -> {
                if (!p.in.equals("query") && !p.in.equals("path")) sb.append(" [").append(p.in).append(' ').append(p.name).append(": ").append(v).append(']');
            });
            if (rawBody != null) sb.append(" body ").append(rawBody);
            if (broken != null) sb.append(" (broken: ").append(broken).append(')');
            return sb.toString();
        }

        String target(Operation op) {
            String path = op.path;
            var query = new StringBuilder();
            for (var e : values.entrySet()) {
                Param p = e.getKey();
                if (p.in.equals("path")) path = path.replace("{" + p.name + "}", encode(e.getValue().get(0)));
                if (p.in.equals("query")) {
                    for (String v : e.getValue()) query.append(query.length() == 0 ? '?' : '&').append(encode(p.name)).append('=').append(encode(v));
                }
            }
            return path + query;
        }
    }

    static String encode(String s) {
        var sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') sb.append((char) c);
            else sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
        }
        return sb.toString();
    }

    Report run() throws Exception {
        JsonNode doc = JSON.readTree(OpenApi.json(app));
        check = new SchemaCheck(doc);
        gen = new SchemaGen(rnd, check);
        var findings = new ArrayList<Finding>();
        var counts = new LinkedHashMap<String, int[]>();
        long deadline = System.nanoTime() + budget.toNanos();
        boolean outOfTime = false;
        try (TestClient client = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false).timeout(Duration.ofSeconds(30)))) {
            for (Operation op : operations(doc)) {
                int[] n = counts.computeIfAbsent(op.id(), k -> new int[2]);
                int positives = op.hasInputs() ? cases : 1;
                for (int i = 0; i < positives; i++) {
                    if (System.nanoTime() > deadline) {
                        outOfTime = true;
                        break;
                    }
                    Case c = positive(op, findings);
                    if (c == null) continue;
                    n[0]++;
                    send(client, op, c, true, findings);
                }
                for (int i = 0; i < (op.hasInputs() ? cases : 0); i++) {
                    if (System.nanoTime() > deadline) {
                        outOfTime = true;
                        break;
                    }
                    Case c = negative(op);
                    if (c == null) break;   // nothing of this operation can be made invalid
                    n[1]++;
                    send(client, op, c, false, findings);
                }
            }
        }
        return new Report(findings, counts, outOfTime);
    }

    private static List<Operation> operations(JsonNode doc) {
        var out = new ArrayList<Operation>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var e = ops.next();
                JsonNode op = e.getValue();
                var params = new ArrayList<Param>();
                for (JsonNode p : op.path("parameters")) {
                    params.add(new Param(p.get("name").asText(), p.get("in").asText(), p.path("required").asBoolean(false), p.get("schema")));
                }
                JsonNode body = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.size() > 0) {
                    if (!content.has("application/json") || content.size() > 1) throw new IllegalStateException("the fuzzer sends JSON bodies only: " + content);
                    body = content.get("application/json").get("schema");
                }
                out.add(new Operation(e.getKey().toUpperCase(Locale.ROOT), path.getKey(), params, body,
                        op.path("requestBody").path("required").asBoolean(false), op.get("responses")));
            }
        }
        return out;
    }

    private static Channel channel(Param p) {
        return switch (p.in) {
            case "path" -> Channel.PATH;
            case "header", "cookie" -> Channel.HEADER;
            default -> Channel.QUERY;
        };
    }

    private List<String> validTexts(Param p) {
        var hint = hints.get(p.name);
        if (hint != null && rnd.nextInt(4) != 0) return List.of(hint.get(rnd.nextInt(hint.size())));
        JsonNode s = check.resolve(p.schema);
        if ("array".equals(s.path("type").asText()) && (p.in.equals("query") || p.in.equals("header"))) {
            var out = new ArrayList<String>();
            for (JsonNode item : gen.valid(p.schema, channel(p))) out.add(SchemaGen.toText(item));
            return out;
        }
        return List.of(SchemaGen.toText(gen.valid(p.schema, channel(p))));
    }

    private Case positive(Operation op, List<Finding> findings) {
        var c = new Case();
        try {
            for (Param p : op.params) {
                if (p.required || rnd.nextInt(10) < 7) c.values.put(p, validTexts(p));
            }
            if (op.body != null && (op.bodyRequired || rnd.nextInt(10) < 8)) c.body = gen.valid(op.body, Channel.JSON);
        } catch (SchemaGen.Unsatisfiable e) {
            findings.add(new Finding(op.id(), "the fuzzer could not generate valid data: " + e.getMessage(), "-"));
            return null;
        }
        return c;
    }

    /** A positive case with one position broken, or null when the operation has nothing that can be invalid. */
    private Case negative(Operation op) {
        var targets = new ArrayList<Runnable>();
        Case c = positive(op, new ArrayList<>());
        if (c == null) return null;
        for (Param p : op.params) {
            if (p.required && !p.in.equals("path")) {
                targets.add(() -> {
                    c.values.remove(p);
                    c.broken = p.in + " " + p.name + " absent";
                });
            }
            List<String> bad = invalidTextsOf(p);
            if (!bad.isEmpty()) {
                targets.add(() -> {
                    String v = bad.get(rnd.nextInt(bad.size()));
                    var values = new ArrayList<>(c.values.getOrDefault(p, List.of()));
                    if (values.isEmpty() || p.in.equals("path")) values = new ArrayList<>(List.of(v));
                    else values.set(rnd.nextInt(values.size()), v);
                    c.values.put(p, values);
                    c.broken = p.in + " " + p.name + " = " + SchemaCheck.quote(v);
                });
            }
        }
        if (op.body != null) {
            if (op.bodyRequired) {
                targets.add(() -> {
                    c.body = null;
                    c.broken = "body absent";
                });
            }
            for (int i = 0; i < 4; i++) targets.add(() -> breakBody(op, c));   // the richest target: more often
        }
        if (targets.isEmpty()) return null;
        for (int attempt = 0; attempt < 20; attempt++) {
            targets.get(rnd.nextInt(targets.size())).run();
            if (c.broken != null) return c;
        }
        return null;
    }

    private List<String> invalidTextsOf(Param p) {
        JsonNode s = check.resolve(p.schema);
        boolean many = "array".equals(s.path("type").asText());
        List<String> bad = gen.invalidTexts(many ? s.path("items") : p.schema, channel(p));
        if (p.in.equals("header")) bad = bad.stream().filter(t -> t.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)).toList();
        return bad;
    }

    /** Breaks one position of the body (or the body itself) so that the whole body is invalid. */
    private void breakBody(Operation op, Case c) {
        if (c.body == null) c.body = gen.valid(op.body, Channel.JSON);
        for (int attempt = 0; attempt < 10; attempt++) {
            JsonNode body = c.body.deepCopy();
            // walk down to a random position, keeping its schema
            JsonNode node = body, schema = op.body, parent = null;
            String key = null;
            int index = -1;
            var at = new StringBuilder("body");
            while (rnd.nextInt(3) != 0) {
                JsonNode s = effective(schema, node);
                if (node.isObject() && s.has("properties") && s.get("properties").size() > 0) {
                    // any documented property, present or not: an absent one is added with an invalid value
                    var names = new ArrayList<String>();
                    s.get("properties").fieldNames().forEachRemaining(names::add);
                    String k = names.get(rnd.nextInt(names.size()));
                    parent = node;
                    key = k;
                    index = -1;
                    schema = s.get("properties").get(k);
                    at.append('.').append(k);
                    if (!node.has(k)) {
                        node = null;
                        break;
                    }
                    node = node.get(k);
                } else if (node.isArray() && node.size() > 0 && s.has("items")) {
                    int i = rnd.nextInt(node.size());
                    parent = node;
                    index = i;
                    key = null;
                    node = node.get(i);
                    schema = s.get("items");
                    at.append('[').append(i).append(']');
                } else {
                    break;
                }
            }
            JsonNode s = node == null ? check.resolve(schema) : effective(schema, node);
            String how;
            JsonNode replacement = null;
            if (node != null && node.isObject() && s.has("required") && s.get("required").size() > 0 && rnd.nextBoolean()) {
                String r = s.get("required").get(rnd.nextInt(s.get("required").size())).asText();
                ((ObjectNode) node).remove(r);
                how = at + "." + r + " absent";
            } else {
                List<JsonNode> bad = gen.invalid(schema);
                if (bad.isEmpty()) continue;
                // null first among equals: where the document allows it is the most often disputed line
                replacement = bad.get(0).isNull() && rnd.nextInt(4) == 0 ? bad.get(0) : bad.get(rnd.nextInt(bad.size()));
                how = at + " = " + abbreviate(replacement.toString());
            }
            if (replacement != null) {
                if (parent == null) body = replacement;
                else if (key != null) ((ObjectNode) parent).set(key, replacement);
                else ((ArrayNode) parent).set(index, replacement);
            }
            if (!check.valid(op.body, body)) {
                c.body = body;
                c.broken = how;
                return;
            }
        }
    }

    /** The branch of an anyOf (or the single allOf) that a valid value follows, to walk into it. */
    private JsonNode effective(JsonNode schema, JsonNode value) {
        JsonNode s = check.resolve(schema);
        for (int hops = 0; hops < 10; hops++) {
            if (s.has("anyOf")) {
                JsonNode chosen = null;
                for (JsonNode b : s.get("anyOf")) if (check.valid(b, value)) chosen = b;
                if (chosen == null) return s;
                s = check.resolve(chosen);
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = check.resolve(s.get("allOf").get(0));
            } else {
                return s;
            }
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    // ------------------------------------------------------------------------------------ sending and checking

    private void send(TestClient client, Operation op, Case c, boolean positive, List<Finding> findings) {
        var req = client.request(op.method, c.target(op));
        c.values.forEach((p, v) -> {
            if (p.in.equals("header")) for (String x : v) req.header(p.name, x);
            if (p.in.equals("cookie")) req.cookie(p.name, v.get(0));
        });
        if (c.body != null) {
            try {
                c.rawBody = JSON.writeValueAsString(c.body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            req.body(c.rawBody, "application/json");
        }
        TestResponse r;
        try {
            r = req.send();
        } catch (RuntimeException | AssertionError e) {
            findings.add(new Finding(op.id(), "no answer: " + e, c.describe(op)));
            return;
        }
        String request = c.describe(op);
        int status = r.status();
        JsonNode documented = op.responses.get(String.valueOf(status));
        if (documented == null) documented = op.responses.get(status / 100 + "XX");
        if (documented == null) documented = op.responses.get("default");
        if (status >= 500) findings.add(new Finding(op.id(), "status " + status + ": " + abbreviate(r.text()), request));
        else if (documented == null) findings.add(new Finding(op.id(), "undocumented status " + status + ": " + abbreviate(r.text()), request));
        else if (positive && status == 422) findings.add(new Finding(op.id(), "schema-valid data rejected: " + abbreviate(r.text()), request));
        else if (!positive && status < 400) findings.add(new Finding(op.id(), "schema-invalid data accepted with " + status + ": " + abbreviate(r.text()), request));
        if (documented != null) conforms(op, documented, r, request, findings);
    }

    private void conforms(Operation op, JsonNode documented, TestResponse r, String request, List<Finding> findings) {
        JsonNode content = documented.path("content");
        byte[] bytes = r.bytes();
        if (content.size() == 0) {
            if (bytes.length > 0) findings.add(new Finding(op.id(), r.status() + " is documented without content but has a body: " + abbreviate(r.text()), request));
            return;
        }
        String ct = r.contentType();
        String base = ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(base);
        if (media == null) {
            findings.add(new Finding(op.id(), r.status() + " has Content-Type " + ct + ", documented are " + fieldNames(content), request));
            return;
        }
        JsonNode schema = media.path("schema");
        JsonNode value;
        if (base.equals("application/json")) {
            try {
                value = JSON.readTree(bytes);
            } catch (Exception e) {
                findings.add(new Finding(op.id(), r.status() + " body is not JSON: " + abbreviate(r.text()), request));
                return;
            }
        } else {
            value = JSON.getNodeFactory().textNode(r.text());
        }
        var problems = check.problems(schema, value);
        if (!problems.isEmpty()) {
            findings.add(new Finding(op.id(), r.status() + " body does not match its documented schema: " + problems + " in " + abbreviate(r.text()), request));
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        var out = new ArrayList<String>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
