package dev.brisk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth2 scopes a route needs (FastAPI's {@code Security(dependency, scopes=[...])}). On a route
 * method, its router class, a {@code @Provides} method (needed wherever that dependency is used) or a
 * dependency parameter ({@code @Scopes("admin") User user}). A route needs all the scopes declared on it,
 * its router and every dependency it uses, directly or not; {@link SecurityScopes} gives them to the
 * dependency that checks the token. A route that needs scopes must have such a dependency, and with an
 * {@link OAuth2PasswordBearer} each scope must be one it declares, or startup fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.PARAMETER})
public @interface Scopes {
    /** The scopes, e.g. {@code {"items:read", "admin"}}. */
    String[] value();
}
