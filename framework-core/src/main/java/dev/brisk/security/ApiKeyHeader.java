package dev.brisk.security;

import java.util.Objects;
import java.util.Optional;

/**
 * An API key in a request header (matched in any case) (FastAPI's {@code APIKeyHeader}). Gives an {@link ApiKey}.
 *
 * <p>Without the key (or with an empty one), or with a malformed one (control characters, given twice):
 * 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: APIKey}.
 */
public final class ApiKeyHeader implements SecurityScheme {
    private final String keyName;
    private final String name;
    private final String description;
    private final boolean legacy;

    private ApiKeyHeader(String keyName, String name, String description, boolean legacy) {
        this.keyName = keyName;
        this.name = name;
        this.description = description;
        this.legacy = legacy;
    }

    /** The scheme reading the header, e.g. {@code X-API-Key}; named {@code APIKeyHeader}. */
    public static ApiKeyHeader named(String name) {
        return new ApiKeyHeader(Check.token("header name", name), "APIKeyHeader", null, false);
    }

    /** Another scheme name than {@code APIKeyHeader}. */
    public ApiKeyHeader name(String name) {
        return new ApiKeyHeader(keyName, Check.name(name), description, legacy);
    }

    /** A description for the OpenAPI document. */
    public ApiKeyHeader description(String description) {
        return new ApiKeyHeader(keyName, name, Check.text("description", description), legacy);
    }

    /**
     * Answers as FastAPI did before 0.122, for clients that depend on it: 403
     * {@code {"detail":"Not authenticated"}} without {@code WWW-Authenticate}.
     */
    public ApiKeyHeader legacyErrors() {
        return new ApiKeyHeader(keyName, name, description, true);
    }

    /** The name of the header that carries the key. */
    public String keyName() {
        return keyName;
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
        return o instanceof ApiKeyHeader k && keyName.equals(k.keyName) && name.equals(k.name)
                && Objects.equals(description, k.description) && legacy == k.legacy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, name, description, legacy);
    }

    @Override
    public String toString() {
        return "ApiKeyHeader[" + name + ", " + keyName + "]";
    }
}
