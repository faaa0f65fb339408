package dev.brisk.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth2's password flow with bearer tokens (FastAPI's {@code OAuth2PasswordBearer}): the client gets a
 * token from {@link #tokenUrl()} (a route taking an {@link OAuth2PasswordRequestForm}) and sends it as
 * {@code Authorization: Bearer <token>}. Gives a {@link BearerToken}.
 *
 * <pre>{@code
 * static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/token")
 *         .scope("items:read", "Read items").scope("admin", "Change everything");
 * }</pre>
 *
 * Without a bearer token: 401 {@code {"detail":"Not authenticated"}} with {@code WWW-Authenticate: Bearer};
 * a malformed one ({@code Bearer} alone, a token with spaces or control characters, two
 * {@code Authorization} headers) adds {@code error="invalid_request"} (RFC 6750).
 */
public final class OAuth2PasswordBearer implements SecurityScheme {
    private final String tokenUrl;
    private final Map<String, String> scopes;
    private final String refreshUrl;
    private final String name;
    private final String description;

    private OAuth2PasswordBearer(String tokenUrl, Map<String, String> scopes, String refreshUrl, String name, String description) {
        this.tokenUrl = tokenUrl;
        this.scopes = scopes;
        this.refreshUrl = refreshUrl;
        this.name = name;
        this.description = description;
    }

    /** The scheme whose tokens come from {@code tokenUrl} (relative to the API, e.g. {@code /token}). */
    public static OAuth2PasswordBearer tokenUrl(String tokenUrl) {
        return new OAuth2PasswordBearer(Check.url("tokenUrl", tokenUrl), Map.of(), null, "OAuth2PasswordBearer", null);
    }

    /** Adds a scope the tokens may carry, with its description (shown in Swagger UI's Authorize dialog). */
    public OAuth2PasswordBearer scope(String scope, String description) {
        var m = new LinkedHashMap<>(scopes);
        m.put(Check.scope(scope), Check.text("scope description", description));
        return new OAuth2PasswordBearer(tokenUrl, Collections.unmodifiableMap(m), refreshUrl, name, this.description);
    }

    /** Where tokens are refreshed (OpenAPI {@code refreshUrl}). */
    public OAuth2PasswordBearer refreshUrl(String url) {
        return new OAuth2PasswordBearer(tokenUrl, scopes, Check.url("refreshUrl", url), name, description);
    }

    /** Another name than {@code OAuth2PasswordBearer}. */
    public OAuth2PasswordBearer name(String name) {
        return new OAuth2PasswordBearer(tokenUrl, scopes, refreshUrl, Check.name(name), description);
    }

    /** A description for the OpenAPI document. */
    public OAuth2PasswordBearer description(String description) {
        return new OAuth2PasswordBearer(tokenUrl, scopes, refreshUrl, name, Check.text("description", description));
    }

    /** Where clients get tokens. */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** The declared scopes and their descriptions, in declaration order. */
    public Map<String, String> scopes() {
        return scopes;
    }

    /** Where clients refresh tokens, if said. */
    public Optional<String> refreshUrl() {
        return Optional.ofNullable(refreshUrl);
    }

    @Override
    public String name() {
        return name;
    }

    /** The OpenAPI description, if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OAuth2PasswordBearer b && tokenUrl.equals(b.tokenUrl) && scopes.equals(b.scopes)
                && Objects.equals(refreshUrl, b.refreshUrl) && name.equals(b.name) && Objects.equals(description, b.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenUrl, scopes, refreshUrl, name, description);
    }

    @Override
    public String toString() {
        return "OAuth2PasswordBearer[" + name + ", tokenUrl=" + tokenUrl + ", scopes=" + scopes.keySet() + "]";
    }
}
