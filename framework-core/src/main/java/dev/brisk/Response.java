package dev.brisk;

import dev.brisk.internal.dispatch.ResponseAccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An HTTP response under the handler's control. Return one to choose status, headers, cookies and
 * body exactly; or declare a {@code Response} parameter to add headers, cookies or a status to the
 * response Brisk builds from the method's ordinary return value.
 *
 * <p>The body may be {@code null} (empty), a {@code String} (text/plain unless a content type is
 * set), a {@code byte[]} (application/octet-stream unless set), a file or a stream (see
 * {@link #file(java.nio.file.Path)} and the {@code stream} methods), or any other object (JSON).
 *
 * <p>A {@link Middleware} receives the response on its way out as a {@code Response} too: its body is
 * then already encoded ({@link #body()} returns the bytes), and setting another body replaces it.
 */
public final class Response {
    private int status;
    private Object body;
    private String contentType;
    private List<Map.Entry<String, String>> headers;
    private List<SetCookie> cookies;
    // A response on its way out through middleware: what it was made from, its encoded body on demand,
    // and whether the body was replaced since.
    private Object outgoing;
    private Supplier<byte[]> encoded;
    private boolean bodyReplaced;

    static {
        ResponseAccess.install(new ResponseAccess.Bridge() {
            @Override
            public Response outgoing(Object from, int status, String contentType, List<Map.Entry<String, String>> headers,
                                     Supplier<byte[]> encoded) {
                var r = new Response();
                r.status = status;
                r.contentType = contentType;
                r.headers = headers;
                r.outgoing = from;
                r.encoded = encoded;
                return r;
            }

            @Override
            public Object origin(Response r) {
                return r.outgoing;
            }

            @Override
            public boolean bodyReplaced(Response r) {
                return r.bodyReplaced;
            }
        });
    }

    /** An empty response with no status chosen yet (200 when sent as a return value). */
    public Response() {
    }

    /** An empty response with the given status. */
    public static Response status(int status) {
        return new Response().setStatus(status);
    }

    /** A 200 response whose body is {@code value} encoded as JSON. */
    public static Response json(Object value) {
        return json(200, value);
    }

    /** A response with the given status whose body is {@code value} encoded as JSON. */
    public static Response json(int status, Object value) {
        var r = new Response().setStatus(status);
        r.body = value;
        r.contentType = "application/json";
        return r;
    }

    /** A 200 {@code text/plain; charset=UTF-8} response. */
    public static Response text(String text) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(text, "text");
        r.contentType = "text/plain; charset=UTF-8";
        return r;
    }

    /** A 200 response with raw bytes of the given content type. */
    public static Response bytes(byte[] data, String contentType) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(data, "data");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** A 307 redirect to {@code location}. */
    public static Response redirect(String location) {
        return status(307).header("Location", location);
    }

    /**
     * A redirect with the status of your choice: 303 (See Other: after a form POST, the client GETs
     * {@code location}), 307 or 308 (the client repeats the same method and body; 308 is permanent),
     * or the older 301 and 302 (which clients may turn into a GET).
     *
     * @throws IllegalArgumentException for any other status
     */
    public static Response redirect(String location, int status) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("a redirect status is 301, 302, 303, 307 or 308, not " + status);
        }
        return status(status).header("Location", Objects.requireNonNull(location, "location"));
    }

    /** A 200 {@code text/html; charset=utf-8} response. */
    public static Response html(String html) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(html, "html");
        r.contentType = "text/html; charset=utf-8";
        return r;
    }

    /** A 200 {@code text/plain} response encoded in {@code charset} (the body is then its bytes). */
    public static Response text(String text, java.nio.charset.Charset charset) {
        Objects.requireNonNull(text, "text");
        var r = new Response().setStatus(200);
        r.body = text.getBytes(Objects.requireNonNull(charset, "charset"));
        r.contentType = "text/plain; charset=" + charset.name().toLowerCase(Locale.ROOT);
        return r;
    }

    /**
     * A file, with a content type from its extension, {@code Content-Length}, {@code Last-Modified}, a
     * strong {@code ETag} and {@code Accept-Ranges: bytes}; conditional requests (304, 412) and byte
     * ranges (206, 416) are answered for you, and the file is sent without copying where the
     * transport allows. A missing or unreadable file answers 404. The file is opened on a worker thread.
     */
    public static Response file(java.nio.file.Path file) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(file, "file");
        return r;
    }

    /** Like {@link #file(java.nio.file.Path)}, shown inline under {@code filename} ({@code Content-Disposition: inline}). */
    public static Response file(java.nio.file.Path file, String filename) {
        return file(file).header("Content-Disposition",
                dev.brisk.internal.files.ContentDisposition.of("inline", Objects.requireNonNull(filename, "filename")));
    }

    /**
     * Like {@link #file(java.nio.file.Path)}, as a download saved under {@code filename}
     * ({@code Content-Disposition: attachment}, any text encoded as RFC 6266 and RFC 8187 ask).
     */
    public static Response download(java.nio.file.Path file, String filename) {
        return file(file).header("Content-Disposition",
                dev.brisk.internal.files.ContentDisposition.of("attachment", Objects.requireNonNull(filename, "filename")));
    }

    /**
     * A body streamed from {@code in} (chunked), read on a worker thread only as fast as the client reads;
     * the stream is closed at the end or when the client goes away.
     */
    public static Response stream(java.io.InputStream in, String contentType) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(in, "in");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /**
     * A body streamed from the items of {@code chunks}, read on a worker thread one item at a time as the
     * client reads: a {@code String} is sent as UTF-8, a {@code byte[]} as it is, anything else as a line
     * of JSON. The stream is closed at the end or when the client goes away.
     */
    public static Response stream(java.util.stream.Stream<?> chunks, String contentType) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(chunks, "chunks");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** Like {@link #stream(java.util.stream.Stream, String)}, from an iterator (closed at the end if it is {@code AutoCloseable}). */
    public static Response stream(java.util.Iterator<?> chunks, String contentType) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(chunks, "chunks");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** A body streamed from a publisher's items (encoded as for a stream), with its demand following the client's reading. */
    public static Response stream(java.util.concurrent.Flow.Publisher<?> chunks, String contentType) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(chunks, "chunks");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** A body written by {@code writer} on a worker thread; see {@link BodyWriter}. */
    public static Response stream(String contentType, BodyWriter writer) {
        var r = new Response().setStatus(200);
        r.body = Objects.requireNonNull(writer, "writer");
        r.contentType = Objects.requireNonNull(contentType, "contentType");
        return r;
    }

    /** Sets the status (100..599). */
    public Response setStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        this.status = status;
        return this;
    }

    /** The chosen status, or 0 if none was set. */
    public int status() {
        return status;
    }

    /** Sets the body: {@code null}, a {@code String}, a {@code byte[]} or an object to encode as JSON. */
    public Response body(Object body) {
        this.body = body;
        this.encoded = null;
        this.bodyReplaced = true;
        return this;
    }

    /**
     * The body as set, or {@code null}. On a response passing through middleware, the encoded bytes
     * ({@code byte[]}; {@code null} when the body is empty or streamed).
     */
    public Object body() {
        var e = encoded;
        if (e != null) {
            encoded = null;
            body = e.get();
        }
        return body;
    }

    /** Sets the {@code Content-Type}. */
    public Response contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** The content type, or {@code null} when Brisk chooses it from the body. */
    public String contentType() {
        return contentType;
    }

    /**
     * Adds a header (several values of one name are sent as separate header lines).
     * {@code Content-Length}, {@code Transfer-Encoding} and {@code Date} are written by the server
     * and not taken from here.
     */
    public Response header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (headers == null) {
            headers = new ArrayList<>(4);
        }
        headers.add(Map.entry(name, value));
        return this;
    }

    /** The headers added so far, in order. */
    public List<Map.Entry<String, String>> headers() {
        return headers == null ? List.of() : Collections.unmodifiableList(headers);
    }

    /** The first value of a header (case-insensitive name; {@code Content-Type} included). */
    public Optional<String> header(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equalsIgnoreCase("Content-Type") && contentType != null) return Optional.of(contentType);
        if (headers != null) {
            for (var e : headers) if (e.getKey().equalsIgnoreCase(name)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    /** Every value of a header (case-insensitive name), in order. */
    public List<String> headers(String name) {
        Objects.requireNonNull(name, "name");
        var out = new ArrayList<String>(1);
        if (name.equalsIgnoreCase("Content-Type") && contentType != null) out.add(contentType);
        if (headers != null) {
            for (var e : headers) if (e.getKey().equalsIgnoreCase(name)) out.add(e.getValue());
        }
        return out;
    }

    /** Replaces every value of a header with {@code value} ({@code Content-Type} sets the content type). */
    public Response setHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (name.equalsIgnoreCase("Content-Type")) return contentType(value);
        removeHeader(name);
        return header(name, value);
    }

    /** Removes every value of a header ({@code Content-Type} included). */
    public Response removeHeader(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equalsIgnoreCase("Content-Type")) contentType = null;
        if (headers != null) headers.removeIf(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        return this;
    }

    /** Sets a cookie. */
    public Response cookie(SetCookie cookie) {
        if (cookies == null) {
            cookies = new ArrayList<>(2);
        }
        cookies.add(Objects.requireNonNull(cookie, "cookie"));
        return this;
    }

    /**
     * Sets a cookie with the defaults of {@link SetCookie#of} (path {@code /}, {@code HttpOnly},
     * {@code SameSite=Lax}). The value is sent as given, so it must be a valid RFC 6265 value; for
     * arbitrary text use {@code cookie(SetCookie.encoded(name, value))}.
     *
     * @throws IllegalArgumentException when the name or value is not allowed in a cookie (e.g. a
     *         {@code ;}, a space or non-ASCII), before anything is sent
     */
    public Response cookie(String name, String value) {
        return cookie(SetCookie.of(name, value));
    }

    /**
     * Asks the client to delete a cookie set with path {@code /} and no domain (empty value,
     * {@code Max-Age=0}). A cookie set with another path or a domain is deleted only by the same ones:
     * {@code cookie(SetCookie.of(name, "").withDomain("example.com").withMaxAge(Duration.ZERO))}.
     *
     * @throws IllegalArgumentException when the name is not a valid cookie name
     */
    public Response deleteCookie(String name) {
        return cookie(SetCookie.of(name, "").withMaxAge(java.time.Duration.ZERO));
    }

    /** The cookies set so far. */
    public List<SetCookie> cookies() {
        return cookies == null ? List.of() : Collections.unmodifiableList(cookies);
    }

    @Override
    public String toString() {
        var b = body instanceof byte[] a ? a.length + " bytes" : body;
        return "Response[" + status + ", " + headers() + ", " + b + "]";
    }
}
