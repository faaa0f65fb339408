package dev.brisk.security;

import dev.brisk.internal.security.Answers;

import java.util.Objects;

/** A bearer token from {@code Authorization: Bearer <token>} ({@link OAuth2PasswordBearer}, {@link HttpBearer}). */
public final class BearerToken implements Credentials {
    private final SecurityScheme scheme;
    private final String value;

    private BearerToken(SecurityScheme scheme, String value) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A token as {@code scheme} would give it (for tests and provider overrides). */
    public static BearerToken of(SecurityScheme scheme, String value) {
        return new BearerToken(scheme, value);
    }

    /** The token. */
    public String value() {
        return value;
    }

    /** True when the token is {@code expected}, compared in constant time ({@link Secrets#constantTimeEquals}). */
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

    /** Never shows the token. */
    @Override
    public String toString() {
        return "BearerToken[" + scheme.name() + ", <redacted>]";
    }
}
