package dev.brisk.security;

import java.util.Objects;
import java.util.Optional;

/**
 * An API key in a query parameter (FastAPI's {@code APIKeyQuery}). Gives an {@link ApiKey}.
 *
 * <p>Without the key (or with an empty one), or with a malformed one (control characters, given twice):
 * 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: APIKey}.
 */
public final class ApiKeyQuery implements SecurityScheme {
    private final String keyName;
    private final String name;
    private final String description;
    private final boolean legacy;

    private ApiKeyQuery(String keyName, String name, String description, boolean legacy) {
        this.keyName = keyName;
        this.name = name;
        this.description = description;
        this.legacy = legacy;
    }

    /** The scheme reading the query parameter, e.g. {@code api_key}; named {@code APIKeyQuery}. */
    public static ApiKeyQuery named(String name) {
        return new ApiKeyQuery(Check.text("query parameter name", nonEmpty(name)), "APIKeyQuery", null, false);
    }

    /** Another scheme name than {@code APIKeyQuery}. */
    public ApiKeyQuery name(String name) {
        return new ApiKeyQuery(keyName, Check.name(name), description, legacy);
    }

    /** A description for the OpenAPI document. */
    public ApiKeyQuery description(String description) {
        return new ApiKeyQuery(keyName, name, Check.text("description", description), legacy);
    }

    /**
     * Answers as FastAPI did before 0.122, for clients that depend on it: 403
     * {@code {"detail":"Not authenticated"}} without {@code WWW-Authenticate}.
     */
    public ApiKeyQuery legacyErrors() {
        return new ApiKeyQuery(keyName, name, description, true);
    }

    /** The name of the query that carries the key. */
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
        return o instanceof ApiKeyQuery k && keyName.equals(k.keyName) && name.equals(k.name)
                && Objects.equals(description, k.description) && legacy == k.legacy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, name, description, legacy);
    }

    @Override
    public String toString() {
        return "ApiKeyQuery[" + name + ", " + keyName + "]";
    }

    private static String nonEmpty(String name) {
        Objects.requireNonNull(name, "query parameter name");
        if (name.isEmpty()) throw new IllegalArgumentException("query parameter name must not be empty");
        return name;
    }
}
