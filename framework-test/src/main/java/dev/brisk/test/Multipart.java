package dev.brisk.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@code multipart/form-data} bodies for the TestClient, written as browsers write them (RFC 7578). */
final class Multipart {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Part(String name, String filename, String contentType, byte[] content) {
    }

    record Encoded(byte[] body, String contentType) {
    }

    private Multipart() {
    }

    static Part field(String name, String value) {
        return new Part(Objects.requireNonNull(name, "name"), null, null, Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String name, String filename, String contentType, byte[] content) {
        return new Part(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filename, "filename"), contentType,
                Objects.requireNonNull(content, "content").clone());
    }

    static Encoded encode(List<Part> parts) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String boundary = "----BriskBoundary" + HexFormat.of().formatHex(b);
        var out = new ByteArrayOutputStream();
        for (Part p : parts) {
            var head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(escape(p.name())).append('"');
            if (p.filename() != null) head.append("; filename=\"").append(escape(p.filename())).append('"');
            head.append("\r\n");
            if (p.contentType() != null) head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** As HTML's form submission does: quotes and line breaks percent-encoded, the rest as UTF-8. */
    private static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String typeOf(String filename) {
        String f = filename.toLowerCase(Locale.ROOT);
        if (f.endsWith(".txt")) return "text/plain";
        if (f.endsWith(".json")) return "application/json";
        if (f.endsWith(".png")) return "image/png";
        if (f.endsWith(".jpg") || f.endsWith(".jpeg")) return "image/jpeg";
        if (f.endsWith(".html")) return "text/html";
        if (f.endsWith(".csv")) return "text/csv";
        if (f.endsWith(".pdf")) return "application/pdf";
        return "application/octet-stream";
    }
}
