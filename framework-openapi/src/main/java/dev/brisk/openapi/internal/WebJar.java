package dev.brisk.openapi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Files of a WebJar on the class path, read once on first request and kept. */
final class WebJar {
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private final String base;

    private WebJar(String base) {
        this.base = base;
    }

    /** The WebJar {@code org.webjars:artifact}, or {@code null} when it (or its {@code mainFile}) is not on the class path. */
    static WebJar find(String artifact, String mainFile) {
        var props = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
            if (in == null) return null;
            props.load(in);
        } catch (IOException e) {
            return null;
        }
        String version = props.getProperty("version");
        if (version == null) return null;
        var jar = new WebJar("META-INF/resources/webjars/" + artifact + "/" + version + "/");
        return jar.has(mainFile) ? jar : null;
    }

    /**
     * The WebJar's folder for the static-file code: its files are served with validators (ETag,
     * Last-Modified, 304), ranges and the content type of their extension, like any class-path file.
     */
    dev.brisk.internal.files.StaticRoot root() {
        return dev.brisk.internal.files.StaticRoot.classpath(base.substring(0, base.length() - 1), WebJar.class.getClassLoader());
    }

    boolean has(String file) {
        return WebJar.class.getClassLoader().getResource(base + file) != null;
    }

    /** The file's bytes; it must exist (checked with {@link #has}). */
    byte[] bytes(String file) {
        return FILES.computeIfAbsent(base + file, name -> {
            try (InputStream in = resource(name)) {
                if (in == null) throw new IllegalStateException("missing resource " + name);
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String name) {
        return WebJar.class.getClassLoader().getResourceAsStream(name);
    }

    /** The {@code Content-Type} of a served file, from its extension. */
    static String contentType(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (f.endsWith(".css")) return "text/css; charset=utf-8";
        if (f.endsWith(".html")) return "text/html; charset=utf-8";
        if (f.endsWith(".png")) return "image/png";
        if (f.endsWith(".map") || f.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
