/**
 * Security schemes, FastAPI's {@code fastapi.security} for Brisk: OAuth2 password bearer tokens
 * ({@link dev.brisk.security.OAuth2PasswordBearer} with {@link dev.brisk.security.OAuth2PasswordRequestForm}),
 * HTTP Bearer and Basic ({@link dev.brisk.security.HttpBearer}, {@link dev.brisk.security.HttpBasic}), API keys
 * in a header, query parameter or cookie ({@link dev.brisk.security.ApiKeyHeader},
 * {@link dev.brisk.security.ApiKeyQuery}, {@link dev.brisk.security.ApiKeyCookie}), and
 * {@link dev.brisk.security.AnyOf} to accept any of several.
 *
 * <p>A scheme is declared once and registered with {@code App.Builder.security(...)}; its credentials
 * ({@link dev.brisk.security.BearerToken}, {@link dev.brisk.security.BasicCredentials},
 * {@link dev.brisk.security.ApiKey}) are then dependencies like any other: a {@code @Provides} method that
 * takes a {@code BearerToken} and returns the current user is the usual next step. Without credentials
 * the request ends with 401 and the scheme's {@code WWW-Authenticate} challenge; an
 * {@code Optional<BearerToken>} parameter gets {@code Optional.empty()} instead. Routes, routers and
 * dependencies declare the scopes they need with {@link dev.brisk.security.Scopes}; a dependency sees
 * them all as {@link dev.brisk.security.SecurityScopes}. The OpenAPI document lists the schemes and each
 * operation's requirements.
 */
package dev.brisk.security;
