package dev.brisk;

import java.util.Map;

/**
 * Ends a request with an HTTP error: the status and {@code {"detail": detail}} as JSON, plus any
 * headers. The detail may be any JSON-serializable value; it defaults to the status's reason phrase.
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object detail;
    private final Map<String, String> headers;

    /** An error with the status's standard reason phrase as detail. */
    public HttpException(int status) {
        this(status, null, Map.of());
    }

    /** An error with the given detail. */
    public HttpException(int status, Object detail) {
        this(status, detail, Map.of());
    }

    /** An error with the given detail and extra response headers. */
    public HttpException(int status, Object detail, Map<String, String> headers) {
        super(detail == null ? "HTTP " + status : "HTTP " + status + ": " + detail, null, false, false);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        this.status = status;
        this.detail = detail == null ? dev.brisk.internal.http.HttpStatus.reason(status) : detail;
        this.headers = Map.copyOf(headers);
    }

    /** The response status. */
    public int status() {
        return status;
    }

    /** The value sent as {@code detail}. */
    public Object detail() {
        return detail;
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }
}
