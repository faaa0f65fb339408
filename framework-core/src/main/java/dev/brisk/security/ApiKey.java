package dev.brisk.security;

import dev.brisk.internal.security.Answers;

import java.util.Objects;

/** An API key from a header, query parameter or cookie ({@link ApiKeyHeader}, {@link ApiKeyQuery}, {@link ApiKeyCookie}). */
public final class ApiKey implements Credentials {
    private final SecurityScheme scheme;
    private final String value;

    private ApiKey(SecurityScheme scheme, String value) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A key as {@code scheme} would give it (for tests and provider overrides). */
    public static ApiKey of(SecurityScheme scheme, String value) {
        return new ApiKey(scheme, value);
    }

    /** The key (never empty). */
    public String value() {
        return value;
    }

    /** True when the key is {@code expected}, compared in constant time ({@link Secrets#constantTimeEquals}). */
    public boolean matches(String expected) {
        return Secrets.constantTimeEquals(value, expected);
    }

    @Override
    public SecurityScheme scheme() {
        return scheme;
    }

    @Override
    public AuthenticationException invalid(String detail) {
        return Answers.invalid(scheme, detail);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ApiKey[" + scheme.name() + ", <redacted>]";
    }
}
