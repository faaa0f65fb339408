package dev.brisk.test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.assertj.core.api.AbstractAssert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;

/**
 * AssertJ assertions for a {@link TestResponse}; start with {@link BriskAssertions#assertThat(TestResponse)}.
 * Every failure message ends with the whole response (request line, status, headers, body).
 *
 * <pre>{@code
 * assertThat(client.get("/items/abc"))
 *     .hasStatus(422)
 *     .hasValidationError("int_parsing", "path", "id");
 * }</pre>
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, TestResponse> {
    private static final Set<String> LOC_ROOTS = Set.of("path", "query", "header", "cookie", "body");
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES).build();

    ResponseAssert(TestResponse actual) {
        super(actual, ResponseAssert.class);
    }

    /** The status code is {@code status}. */
    public ResponseAssert hasStatus(int status) {
        isNotNull();
        if (actual.status() != status) fail("Expected status " + status + " but was " + actual.status());
        return this;
    }

    /**
     * The body is JSON equal to {@code json}: objects compare by members whatever their order, arrays
     * element by element, numbers by value. Single quotes are accepted in {@code json}:
     * {@code hasJsonBody("{'detail': 'Not Found'}")}.
     */
    public ResponseAssert hasJsonBody(String json) {
        isNotNull();
        JsonNode expected;
        try {
            expected = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The expected value is not valid JSON: " + e.getMessage() + "\n" + json, e);
        }
        JsonNode body = bodyJson("a JSON body equal to " + expected);
        String difference = JsonDiff.firstDifference(expected, body);
        if (difference != null) {
            fail("Expected the JSON body\n  " + expected + "\nbut was\n  " + body + "\nfirst difference at " + difference);
        }
        return this;
    }

    /** The body, decoded as text, is exactly {@code text}. */
    public ResponseAssert hasText(String text) {
        isNotNull();
        String body = actual.text();
        if (!body.equals(text)) fail("Expected the body text\n  \"" + text + "\"\nbut was\n  \"" + body + "\"");
        return this;
    }

    /** The response has a header {@code name} (case-insensitive). */
    public ResponseAssert hasHeader(String name) {
        isNotNull();
        if (actual.header(name) == null) fail("Expected a header \"" + name + "\" but there is none");
        return this;
    }

    /** One of the values of header {@code name} (case-insensitive) is exactly {@code value}. */
    public ResponseAssert hasHeader(String name, String value) {
        isNotNull();
        var values = actual.headers().get(name);
        if (values == null) fail("Expected a header \"" + name + ": " + value + "\" but there is no \"" + name + "\" header");
        else if (!values.contains(value)) fail("Expected a header \"" + name + ": " + value + "\" but its values are " + values);
        return this;
    }

    /** The response has no header {@code name} (case-insensitive). */
    public ResponseAssert doesNotHaveHeader(String name) {
        isNotNull();
        var values = actual.headers().get(name);
        if (values != null) fail("Expected no header \"" + name + "\" but found " + values);
        return this;
    }

    /**
     * The status is 422 and some entry of {@code detail} has exactly this {@code loc}, given part by
     * part: {@code ("query", "limit")}, {@code ("body", "items", 0, "price")}.
     */
    public ResponseAssert hasValidationError(Object... loc) {
        return validationError(null, loc);
    }

    /**
     * Like {@link #hasValidationError(Object...)}, and the entry's {@code type} is {@code type}:
     * {@code ("missing", "query", "limit")}; with no loc parts any entry of that type matches.
     * Java picks this overload for {@code hasValidationError("query", "limit")} too: a first argument
     * that is a location ({@code path}, {@code query}, {@code header}, {@code cookie}, {@code body}) is
     * therefore read as the first part of the loc, never as a type.
     */
    public ResponseAssert hasValidationError(String type, Object... loc) {
        if (type != null && LOC_ROOTS.contains(type)) {
            Object[] all = new Object[loc.length + 1];
            all[0] = type;
            System.arraycopy(loc, 0, all, 1, loc.length);
            return validationError(null, all);
        }
        return validationError(type, loc);
    }

    private ResponseAssert validationError(String type, Object[] loc) {
        isNotNull();
        String wanted = "a validation error" + (type == null ? "" : " of type \"" + type + "\"")
                + (loc.length == 0 ? "" : " at loc " + Arrays.toString(loc));
        if (actual.status() != 422) fail("Expected " + wanted + " (status 422) but the status was " + actual.status());
        JsonNode detail = bodyJson(wanted).get("detail");
        if (detail == null || !detail.isArray()) fail("Expected " + wanted + " but the body has no \"detail\" list");
        var seen = new ArrayList<String>();
        for (JsonNode entry : detail) {
            boolean typeOk = type == null || type.equals(entry.path("type").asText(null));
            boolean locOk = type != null && loc.length == 0 || locEquals(entry.get("loc"), loc);
            if (typeOk && locOk) return this;
            seen.add("  " + entry.path("type").asText("?") + " at " + entry.path("loc") + ": " + entry.path("msg").asText(""));
        }
        fail("Expected " + wanted + " but the errors were:\n" + String.join("\n", seen));
        return this;
    }

    private static boolean locEquals(JsonNode loc, Object[] parts) {
        if (loc == null || !loc.isArray() || loc.size() != parts.length) return false;
        for (int i = 0; i < parts.length; i++) {
            JsonNode n = loc.get(i);
            Object p = parts[i];
            if (p instanceof Number num) {
                if (!n.isIntegralNumber() || n.longValue() != num.longValue()) return false;
            } else if (!n.isTextual() || !n.textValue().equals(String.valueOf(p))) {
                return false;
            }
        }
        return true;
    }

    private JsonNode bodyJson(String wanted) {
        byte[] body = actual.bytes();
        if (body.length == 0) fail("Expected " + wanted + " but the body is empty");
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            fail("Expected " + wanted + " but the body is not JSON");
            throw new AssertionError(e); // not reached
        }
    }

    /** Fails with {@code message} followed by the whole response. */
    private void fail(String message) {
        failWithMessage("%s%n%nResponse:%n%s", message, actual);
    }
}
