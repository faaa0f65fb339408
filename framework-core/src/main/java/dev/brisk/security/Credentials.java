package dev.brisk.security;

/**
 * What a scheme found in a request: a {@link BearerToken}, {@link BasicCredentials} or an {@link ApiKey}.
 * {@link AnyOf} gives this type. The values are secrets: {@code toString()} never shows them.
 */
public sealed interface Credentials permits BearerToken, BasicCredentials, ApiKey {
    /** The scheme that read them. */
    SecurityScheme scheme();

    /**
     * The answer for credentials the app rejects: 401 {@code {"detail":"Invalid authentication credentials"}}
     * with the scheme's challenge ({@code Bearer error="invalid_token"} for bearer tokens, RFC 6750).
     * Throw it: {@code users.find(token).orElseThrow(token::invalid)}.
     */
    default AuthenticationException invalid() {
        return invalid("Invalid authentication credentials");
    }

    /** Like {@link #invalid()}, with another {@code detail}. */
    AuthenticationException invalid(String detail);
}
