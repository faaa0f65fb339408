package dev.brisk.security;

import java.util.List;
import java.util.Optional;

/**
 * {@link OAuth2PasswordRequestForm} with {@code grant_type} required, as OAuth2 says (FastAPI's
 * {@code OAuth2PasswordRequestFormStrict}): without it, 422.
 *
 * @param grantType {@code grant_type}: {@code password}
 * @param username {@code username}
 * @param password {@code password}
 * @param scopes {@code scope} split at whitespace; empty when absent
 * @param clientId {@code client_id}
 * @param clientSecret {@code client_secret}
 */
public record OAuth2PasswordRequestFormStrict(String grantType, String username, String password, List<String> scopes,
                                              Optional<String> clientId, Optional<String> clientSecret) {
    public OAuth2PasswordRequestFormStrict {
        scopes = List.copyOf(scopes);
    }

    /** Shows the user name and scopes, never the password or client secret. */
    @Override
    public String toString() {
        return "OAuth2PasswordRequestFormStrict[username=" + username + ", password=<redacted>, scopes=" + scopes
                + ", clientId=" + clientId.orElse("") + (clientSecret.isPresent() ? ", clientSecret=<redacted>]" : "]");
    }
}
