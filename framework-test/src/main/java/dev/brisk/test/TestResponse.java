package dev.brisk.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response received by a {@link TestClient}: status, headers and the whole body, already read.
 * Its {@link #toString()} shows the request line and the complete response, which is what every
 * assertion of {@link ResponseAssert} prints when it fails.
 */
public final class TestResponse {
    private static final int PRINT_LIMIT = 64 * 1024;

    private final String method;
    private final String target;
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headerList;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ObjectMapper mapper;
    private JsonNode json;

    TestResponse(String method, String target, int status, String reason, List<Map.Entry<String, String>> headerList,
                 byte[] body, ObjectMapper mapper) {
        this.method = method;
        this.target = target;
        this.status = status;
        this.reason = reason;
        this.headerList = List.copyOf(headerList);
        var map = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        for (var e : headerList) map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        map.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(map);
        this.body = body;
        this.mapper = mapper;
    }

    /** The status code, e.g. {@code 200}. */
    public int status() {
        return status;
    }

    /** The first value of a header (name matched case-insensitively), or {@code null} when absent. */
    public String header(String name) {
        var values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every header with all its values; the map's keys match case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body decoded with the charset of {@code Content-Type} (UTF-8 when none is given). */
    public String text() {
        return new String(body, charset());
    }

    /** A copy of the raw body (empty for HEAD requests and bodiless statuses). */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body as a Jackson tree; fails with the response printed when the body is not JSON. */
    public JsonNode json() {
        if (json == null) {
            if (body.length == 0) throw new AssertionError("Expected a JSON body but the body is empty\n\n" + this);
            try {
                json = mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Expected a JSON body but it is not valid JSON (" + message(e) + ")\n\n" + this, e);
            }
        }
        return json;
    }

    /** The body read as {@code type} with the app's Jackson configuration. */
    public <T> T json(Class<T> type) {
        return read(type.getName(), () -> mapper.readValue(body, type));
    }

    /** The body read as a generic type, e.g. {@code new TypeReference<List<Item>>() {}}. */
    public <T> T json(TypeReference<T> type) {
        return read(type.getType().getTypeName(), () -> mapper.readValue(body, type));
    }

    private interface Read<T> {
        T read() throws IOException;
    }

    private <T> T read(String typeName, Read<T> read) {
        if (body.length == 0) throw new AssertionError("Expected a JSON body but the body is empty\n\n" + this);
        try {
            return read.read();
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError("Cannot read the body as " + typeName + " (" + message(e) + ")\n\n" + this, e);
        }
    }

    /** The {@code Content-Type} header, or {@code null}. */
    public String contentType() {
        return header("Content-Type");
    }

    /** The request line, status, headers in the order received, and the body (binary bodies summarised). */
    @Override
    public String toString() {
        var sb = new StringBuilder(256 + Math.min(body.length, PRINT_LIMIT));
        sb.append(method).append(' ').append(target).append('\n');
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append('\n');
        for (var e : headerList) sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        if (body.length == 0) return sb.append("\n(empty body)").toString();
        sb.append('\n');
        String text = printable();
        if (text == null) return sb.append("(").append(body.length).append(" bytes of binary content)").toString();
        if (text.length() > PRINT_LIMIT) {
            return sb.append(text, 0, PRINT_LIMIT).append("\n... (").append(text.length() - PRINT_LIMIT).append(" more characters)").toString();
        }
        return sb.append(text).toString();
    }

    /** "GET /path", for messages. */
    String requestLine() {
        return method + " " + target;
    }

    private String printable() {
        try {
            String s = charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return null;
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private Charset charset() {
        String ct = contentType();
        if (ct != null) {
            for (String part : ct.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = p.substring(8).trim().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
