package dev.brisk.it.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One request with a target sent byte for byte (no client library normalises it), over a real socket. */
final class RawGet {
    private RawGet() {
    }

    /** The status line and headers, then the body, of {@code GET target}. */
    static String get(int port, String target) {
        try (var s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int status(int port, String target) {
        String r = get(port, target);
        return Integer.parseInt(r.substring(9, 12));
    }
}
