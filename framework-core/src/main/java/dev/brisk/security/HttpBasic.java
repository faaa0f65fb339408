package dev.brisk.security;

import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication (FastAPI's {@code HTTPBasic}, RFC 7617): {@code Authorization: Basic <base64>}.
 * The base64 must be strict (padded, nothing outside the alphabet), the decoded bytes UTF-8, and are split
 * at the first colon into user name and password. Gives {@link BasicCredentials}.
 *
 * <p>Without such credentials, or with malformed ones: 401 {@code {"detail":"Not authenticated"}} with
 * {@code WWW-Authenticate: Basic} ({@code Basic realm="..."} with a {@link #realm(String) realm}).
 */
public final class HttpBasic implements SecurityScheme {
    private final String realm;
    private final String name;
    private final String description;
    private final boolean legacy;

    private HttpBasic(String realm, String name, String description, boolean legacy) {
        this.realm = realm;
        this.name = name;
        this.description = description;
        this.legacy = legacy;
    }

    /** The scheme, named {@code HTTPBasic}, without a realm. */
    public static HttpBasic create() {
        return new HttpBasic(null, "HTTPBasic", null, false);
    }

    /** The realm sent in the challenge ({@code Basic realm="tour"}); no quotes or backslashes. */
    public HttpBasic realm(String realm) {
        return new HttpBasic(Check.realm(realm), name, description, legacy);
    }

    /** Another name than {@code HTTPBasic}. */
    public HttpBasic name(String name) {
        return new HttpBasic(realm, Check.name(name), description, legacy);
    }

    /** A description for the OpenAPI document. */
    public HttpBasic description(String description) {
        return new HttpBasic(realm, name, Check.text("description", description), legacy);
    }

    /**
     * Answers as FastAPI did before 0.122: still 401 with the challenge, but malformed credentials say
     * {@code {"detail":"Invalid authentication credentials"}}.
     */
    public HttpBasic legacyErrors() {
        return new HttpBasic(realm, name, description, true);
    }

    /** The realm, if set. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    @Override
    public String name() {
        return name;
    }

    /** The OpenAPI description, if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** True when {@link #legacyErrors()} was asked for. */
    public boolean isLegacy() {
        return legacy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpBasic b && Objects.equals(realm, b.realm) && name.equals(b.name)
                && Objects.equals(description, b.description) && legacy == b.legacy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(realm, name, description, legacy);
    }

    @Override
    public String toString() {
        return "HttpBasic[" + name + (realm == null ? "" : ", realm=" + realm) + "]";
    }
}
