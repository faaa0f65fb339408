package dev.brisk.security;

import java.util.List;
import java.util.Optional;

/**
 * The form of OAuth2's password flow (FastAPI's {@code OAuth2PasswordRequestForm}), read from an
 * {@code application/x-www-form-urlencoded} body: {@code username} and {@code password} required,
 * {@code scope} (split at spaces into {@link #scopes()}), {@code grant_type} (if given, {@code password}),
 * {@code client_id}, {@code client_secret}. Take it as a parameter of the token route; missing fields
 * answer 422 like any form field. {@link OAuth2PasswordRequestFormStrict} also requires {@code grant_type}.
 *
 * @param grantType {@code grant_type}, always {@code password} when present
 * @param username {@code username}
 * @param password {@code password}
 * @param scopes {@code scope} split at whitespace; empty when absent
 * @param clientId {@code client_id}
 * @param clientSecret {@code client_secret}
 */
public record OAuth2PasswordRequestForm(Optional<String> grantType, String username, String password, List<String> scopes,
                                        Optional<String> clientId, Optional<String> clientSecret) {
    public OAuth2PasswordRequestForm {
        scopes = List.copyOf(scopes);
    }

    /** Shows the user name and scopes, never the password or client secret. */
    @Override
    public String toString() {
        return "OAuth2PasswordRequestForm[username=" + username + ", password=<redacted>, scopes=" + scopes
                + ", clientId=" + clientId.orElse("") + (clientSecret.isPresent() ? ", clientSecret=<redacted>]" : "]");
    }
}
