package dev.brisk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accepts any of several schemes: the first one, in the order given, whose credentials the request
 * carries wins. Gives {@link Credentials} (switch over {@link BearerToken}, {@link BasicCredentials} and
 * {@link ApiKey}). The OpenAPI document lists the schemes as alternatives.
 *
 * <pre>{@code
 * static final AnyOf TOKEN_OR_KEY = AnyOf.of(HttpBearer.create(), ApiKeyHeader.named("X-API-Key"));
 *
 * @Provides
 * public static Caller caller(Credentials credentials) {
 *     return switch (credentials) {
 *         case BearerToken t -> ...;
 *         case ApiKey k -> ...;
 *         case BasicCredentials b -> throw b.invalid();
 *     };
 * }
 * }</pre>
 *
 * When none has credentials: 401 {@code {"detail":"Not authenticated"}} with one {@code WWW-Authenticate}
 * challenge per scheme. Credentials that are present but malformed fail the request the same way,
 * whichever scheme they are for (the members' {@code legacyErrors()} do not apply here).
 */
public final class AnyOf implements SecurityScheme {
    private final List<SecurityScheme> schemes;
    private final String name;

    private AnyOf(List<SecurityScheme> schemes, String name) {
        this.schemes = schemes;
        this.name = name;
    }

    /** Any of these (at least two, none an {@code AnyOf}, no scheme twice). */
    public static AnyOf of(SecurityScheme first, SecurityScheme second, SecurityScheme... more) {
        var list = new ArrayList<SecurityScheme>();
        list.add(Objects.requireNonNull(first, "scheme"));
        list.add(Objects.requireNonNull(second, "scheme"));
        for (var s : more) list.add(Objects.requireNonNull(s, "scheme"));
        var names = new java.util.HashSet<String>();
        for (var s : list) {
            if (s instanceof AnyOf) throw new IllegalArgumentException("AnyOf.of: list the schemes of the inner AnyOf instead");
            if (!names.add(s.name())) throw new IllegalArgumentException("AnyOf.of: two schemes named \"" + s.name() + "\"");
        }
        return new AnyOf(List.copyOf(list), "");
    }

    /**
     * A name, needed only when an app registers several {@code AnyOf}s: it is the qualifier that picks
     * this one ({@code @Depends("tokenOrKey") Credentials c}). Not part of the OpenAPI document.
     */
    public AnyOf name(String name) {
        return new AnyOf(schemes, Check.name(name));
    }

    /** The schemes, in the order they are tried. */
    public List<SecurityScheme> schemes() {
        return schemes;
    }

    /** The qualifier, {@code ""} unless {@link #name(String)} set one. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnyOf a && schemes.equals(a.schemes) && name.equals(a.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemes, name);
    }

    @Override
    public String toString() {
        return "AnyOf" + schemes.stream().map(SecurityScheme::name).toList();
    }
}
