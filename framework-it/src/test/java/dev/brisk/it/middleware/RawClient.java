package dev.brisk.it.middleware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request over a real socket on 127.0.0.1, written byte for byte (so it may lack a Host, use
 * HTTP/1.0 or repeat headers, which the TestClient never does), and its response (Content-Length bodies).
 */
final class RawClient {
    record Res(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }
    }

    private RawClient() {
    }

    static Res send(int port, String request) {
        try (var s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String status = line(in);
            var headers = new LinkedHashMap<String, List<String>>();
            for (String l; !(l = line(in)).isEmpty(); ) {
                int c = l.indexOf(':');
                headers.computeIfAbsent(l.substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(l.substring(c + 1).trim());
            }
            var cl = headers.get("content-length");
            byte[] body = cl == null ? new byte[0] : in.readNBytes(Integer.parseInt(cl.get(0)));
            return new Res(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        var b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
