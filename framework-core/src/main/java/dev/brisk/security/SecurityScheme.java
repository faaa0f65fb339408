package dev.brisk.security;

/**
 * A way for a client to authenticate, declared once and registered with
 * {@code App.Builder.security(...)}: its credentials become dependencies.
 *
 * <p>The {@link #name()} is the scheme's key in the OpenAPI document's {@code components.securitySchemes}
 * and the qualifier that picks it when several registered schemes give the same credential type
 * ({@code @Depends("HTTPBearer") BearerToken token}). Two different schemes with one name fail startup.
 * Schemes are immutable values: each option returns a new scheme, and equal options make equal schemes.
 */
public sealed interface SecurityScheme permits OAuth2PasswordBearer, HttpBearer, HttpBasic, ApiKeyHeader, ApiKeyQuery,
        ApiKeyCookie, AnyOf {
    /** The scheme's name (by default FastAPI's: the class name, e.g. {@code HTTPBearer}). */
    String name();
}
