package dev.brisk.security;

import java.util.Objects;
import java.util.Optional;

/**
 * An API key in a cookie (FastAPI's {@code APIKeyCookie}). Gives an {@link ApiKey}.
 *
 * <p>Without the key (or with an empty one), or with a malformed one (control characters, given twice):
 * 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: APIKey}.
 */
public final class ApiKeyCookie implements SecurityScheme {
    private final String keyName;
    private final String name;
    private final String description;
    private final boolean legacy;

    private ApiKeyCookie(String keyName, String name, String description, boolean legacy) {
        this.keyName = keyName;
        this.name = name;
        this.description = description;
        this.legacy = legacy;
    }

    /** The scheme reading the cookie, e.g. {@code session}; named {@code APIKeyCookie}. */
    public static ApiKeyCookie named(String name) {
        return new ApiKeyCookie(Check.token("cookie name", name), "APIKeyCookie", null, false);
    }

    /** Another scheme name than {@code APIKeyCookie}. */
    public ApiKeyCookie name(String name) {
        return new ApiKeyCookie(keyName, Check.name(name), description, legacy);
    }

    /** A description for the OpenAPI document. */
    public ApiKeyCookie description(String description) {
        return new ApiKeyCookie(keyName, name, Check.text("description", description), legacy);
    }

    /**
     * Answers as FastAPI did before 0.122, for clients that depend on it: 403
     * {@code {"detail":"Not authenticated"}} without {@code WWW-Authenticate}.
     */
    public ApiKeyCookie legacyErrors() {
        return new ApiKeyCookie(keyName, name, description, true);
    }

    /** The name of the cookie that carries the key. */
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
        return o instanceof ApiKeyCookie k && keyName.equals(k.keyName) && name.equals(k.name)
                && Objects.equals(description, k.description) && legacy == k.legacy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, name, description, legacy);
    }

    @Override
    public String toString() {
        return "ApiKeyCookie[" + name + ", " + keyName + "]";
    }
}
