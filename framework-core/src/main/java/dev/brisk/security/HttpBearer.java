package dev.brisk.security;

import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Bearer authentication (FastAPI's {@code HTTPBearer}): {@code Authorization: Bearer <token>}, the
 * scheme name matched in any case. Gives a {@link BearerToken}.
 *
 * <p>Without a bearer token: 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: Bearer};
 * a malformed one ({@code Bearer} alone, a token with spaces or control characters, two
 * {@code Authorization} headers) adds {@code error="invalid_request"} (RFC 6750).
 */
public final class HttpBearer implements SecurityScheme {
    private final String bearerFormat;
    private final String name;
    private final String description;
    private final boolean legacy;

    private HttpBearer(String bearerFormat, String name, String description, boolean legacy) {
        this.bearerFormat = bearerFormat;
        this.name = name;
        this.description = description;
        this.legacy = legacy;
    }

    /** The scheme, named {@code HTTPBearer}. */
    public static HttpBearer create() {
        return new HttpBearer(null, "HTTPBearer", null, false);
    }

    /** What the tokens are, for the OpenAPI document (e.g. {@code JWT}). */
    public HttpBearer bearerFormat(String format) {
        return new HttpBearer(Check.text("bearerFormat", format), name, description, legacy);
    }

    /** Another name than {@code HTTPBearer}. */
    public HttpBearer name(String name) {
        return new HttpBearer(bearerFormat, Check.name(name), description, legacy);
    }

    /** A description for the OpenAPI document. */
    public HttpBearer description(String description) {
        return new HttpBearer(bearerFormat, name, Check.text("description", description), legacy);
    }

    /**
     * Answers as FastAPI did before 0.122, for clients that depend on it: 403
     * {@code {"detail":"Not authenticated"}} without {@code WWW-Authenticate} when there is no
     * {@code Authorization} header, 403 {@code {"detail":"Invalid authentication credentials"}} when it
     * holds another scheme or a malformed token.
     */
    public HttpBearer legacyErrors() {
        return new HttpBearer(bearerFormat, name, description, true);
    }

    /** The token format, if said. */
    public Optional<String> bearerFormat() {
        return Optional.ofNullable(bearerFormat);
    }

    @Override
    public String name() {
        return name;
    }

    /** The OpenAPI description, if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** True when {@link #legacyErrors()} was asked for. */
    public boolean isLegacy() {
        return legacy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpBearer b && Objects.equals(bearerFormat, b.bearerFormat) && name.equals(b.name)
                && Objects.equals(description, b.description) && legacy == b.legacy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bearerFormat, name, description, legacy);
    }

    @Override
    public String toString() {
        return "HttpBearer[" + name + "]";
    }
}
