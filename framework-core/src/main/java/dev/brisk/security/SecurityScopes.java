package dev.brisk.security;

import dev.brisk.internal.security.Answers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The scopes the matched route needs (FastAPI's {@code SecurityScopes}): everything {@link Scopes}
 * declares on the route, its router and its dependencies, outermost first, each once. A parameter of
 * this type in a provider or handler receives them.
 *
 * <pre>{@code
 * @Provides
 * public static User currentUser(BearerToken token, SecurityScopes scopes, Users users) {
 *     User user = users.byToken(token.value()).orElseThrow(token::invalid);   // 401 invalid_token
 *     scopes.check(user.scopes());                                            // 403 insufficient_scope
 *     return user;
 * }
 * }</pre>
 */
public final class SecurityScopes {
    private static final SecurityScopes NONE = new SecurityScopes(List.of());

    private final List<String> scopes;
    private final String scopeString;

    private SecurityScopes(List<String> scopes) {
        this.scopes = scopes;
        this.scopeString = String.join(" ", scopes);
    }

    /** These scopes, each once, in order (for tests and provider overrides). */
    public static SecurityScopes of(Collection<String> scopes) {
        var set = new LinkedHashSet<String>();
        for (String s : scopes) set.add(Check.scope(s));
        return set.isEmpty() ? NONE : new SecurityScopes(List.copyOf(new ArrayList<>(set)));
    }

    /** The scopes, outermost first. */
    public List<String> scopes() {
        return scopes;
    }

    /** The scopes separated by spaces, as OAuth2 writes them (FastAPI's {@code scope_str}). */
    public String scopeString() {
        return scopeString;
    }

    /** True when the route needs no scope. */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** True when {@code granted} holds every scope the route needs. */
    public boolean allGranted(Collection<String> granted) {
        Objects.requireNonNull(granted, "granted");
        return granted.containsAll(scopes);
    }

    /**
     * Ends the request unless {@code granted} holds every scope the route needs: 403
     * {@code {"detail":"Not enough permissions"}} with
     * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} (RFC 6750) naming them all.
     */
    public void check(Collection<String> granted) {
        if (!allGranted(granted)) throw Answers.insufficientScope(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityScopes s && scopes.equals(s.scopes);
    }

    @Override
    public int hashCode() {
        return scopes.hashCode();
    }

    @Override
    public String toString() {
        return "SecurityScopes" + scopes;
    }
}
