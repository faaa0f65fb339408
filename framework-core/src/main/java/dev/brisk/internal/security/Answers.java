package dev.brisk.internal.security;

import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.AuthenticationException;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.SecurityScheme;
import dev.brisk.security.SecurityScopes;

import java.util.ArrayList;
import java.util.List;

/**
 * What each scheme answers, as FastAPI 0.122+ does (401 with the scheme's challenge) plus RFC 6750's
 * error codes, or as FastAPI before 0.122 did for schemes with {@code legacyErrors()}. Nothing here
 * ever contains what the client sent.
 */
public final class Answers {
    public static final String NOT_AUTHENTICATED = "Not authenticated";
    public static final String INVALID = "Invalid authentication credentials";
    public static final String NOT_ENOUGH_PERMISSIONS = "Not enough permissions";

    /** Why a scheme found no usable credentials. */
    public enum Outcome {
        /** Nothing for the scheme: no header, parameter or cookie (or an empty one). */
        ABSENT,
        /** An {@code Authorization} header for another scheme. */
        OTHER_SCHEME,
        /** Credentials for this scheme that break its syntax (or carry control characters). */
        MALFORMED
    }

    private Answers() {
    }

    static boolean isBearer(SecurityScheme s) {
        return s instanceof OAuth2PasswordBearer || s instanceof HttpBearer;
    }

    /** The scheme's plain challenge: {@code Bearer}, {@code Basic}, {@code Basic realm="x"}, {@code APIKey}. */
    public static String challenge(SecurityScheme s) {
        if (isBearer(s)) return "Bearer";
        if (s instanceof HttpBasic b) return b.realm().map(r -> "Basic realm=\"" + r + "\"").orElse("Basic");
        if (s instanceof AnyOf) throw new IllegalArgumentException("AnyOf has no challenge of its own");
        return "APIKey";
    }

    private static String challenge(SecurityScheme s, Outcome o) {
        return o == Outcome.MALFORMED && isBearer(s) ? "Bearer error=\"invalid_request\"" : challenge(s);
    }

    /** The answer of a scheme that found no usable credentials where it needed them. */
    public static AuthenticationException notAuthenticated(SecurityScheme s, Outcome o) {
        if (s instanceof HttpBearer b && b.isLegacy()) {
            return new AuthenticationException(403, o == Outcome.ABSENT ? NOT_AUTHENTICATED : INVALID, List.of());
        }
        if (s instanceof ApiKeyHeader k && k.isLegacy() || s instanceof ApiKeyQuery q && q.isLegacy()
                || s instanceof ApiKeyCookie c && c.isLegacy()) {
            return new AuthenticationException(403, NOT_AUTHENTICATED, List.of());
        }
        if (s instanceof HttpBasic b && b.isLegacy() && o == Outcome.MALFORMED) {
            return new AuthenticationException(401, INVALID, List.of(challenge(s)));
        }
        return new AuthenticationException(401, NOT_AUTHENTICATED, List.of(challenge(s, o)));
    }

    /** The answer of an {@link AnyOf} none of whose schemes had usable credentials: one challenge per scheme. */
    public static AuthenticationException noneOf(List<SecurityScheme> schemes, List<Outcome> outcomes) {
        var challenges = new ArrayList<String>(schemes.size());
        for (int i = 0; i < schemes.size(); i++) {
            String c = challenge(schemes.get(i), outcomes.get(i));
            if (!challenges.contains(c)) challenges.add(c);
        }
        return new AuthenticationException(401, NOT_AUTHENTICATED, challenges);
    }

    /** Credentials the app rejected: 401 with the scheme's challenge ({@code error="invalid_token"} for bearer tokens). */
    public static AuthenticationException invalid(SecurityScheme s, String detail) {
        String d = java.util.Objects.requireNonNull(detail, "detail");
        if (isBearer(s)) return new AuthenticationException(401, d, List.of("Bearer error=\"invalid_token\""));
        return new AuthenticationException(401, d, List.of(challenge(s)));
    }

    /** A token without every scope the route needs: 403, RFC 6750's {@code insufficient_scope} naming them. */
    public static AuthenticationException insufficientScope(SecurityScopes needed) {
        return new AuthenticationException(403, NOT_ENOUGH_PERMISSIONS,
                List.of("Bearer error=\"insufficient_scope\", scope=\"" + needed.scopeString() + "\""));
    }
}
