package dev.brisk.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.brisk.RequestValidationException;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Errors;
import dev.brisk.internal.binding.Loc;
import dev.brisk.internal.binding.Validation;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON message into a value of one type with FastAPI's error shapes (the same plan as a
 * request body, so required fields are required), then Bean Validation; errors are located under
 * {@code "message"}, e.g. {@code ["message", "text"]}.
 */
public final class MessageReader {
    private static final List<Object> ROOT = List.of("message");

    private final Type type;
    private final BodyReader.Plan plan;
    private final ObjectReader tree;
    private final boolean constrained;

    public MessageReader(BodyReader reader, ObjectMapper mapper, Type type) {
        this.type = type;
        this.plan = reader.plan(type);
        this.tree = mapper.readerFor(JsonNode.class);
        this.constrained = Validation.typeConstrained(type);
    }

    public Type type() {
        return type;
    }

    /** The value of {@code json}. @throws RequestValidationException when it is malformed or invalid */
    public Object read(String json) {
        var errors = new Errors();
        JsonNode n;
        try {
            n = tree.readTree(json);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            long offset = where == null ? 0 : Math.max(0, where.getCharOffset());
            String msg = e.getOriginalMessage();
            if (msg != null && msg.length() > 200) msg = msg.substring(0, 200);
            errors.add("json_invalid", List.of("message", (int) offset), "JSON decode error", Map.of(),
                    Map.of("error", msg == null ? "invalid JSON" : msg));
            throw new RequestValidationException(errors.list());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (n == null || n.isMissingNode()) {
            errors.add("json_invalid", List.of("message", 0), "JSON decode error", Map.of(), Map.of("error", "empty message"));
            throw new RequestValidationException(errors.list());
        }
        Object v = n.isNull() ? null : plan.read(n, Loc.root("message"), errors);
        if (v == null && errors.isEmpty()) errors.missing(Loc.root("message"), null);
        if (errors.isEmpty() && constrained) {
            Validation.reportBean(Validation.validator().validate(v), errors, ROOT, type, n);
        }
        if (!errors.isEmpty()) throw new RequestValidationException(errors.list());
        return v;
    }
}
