package dev.brisk.security;

import dev.brisk.internal.security.Answers;

import java.util.Objects;

/** A user name and password from {@code Authorization: Basic <base64>} ({@link HttpBasic}). */
public final class BasicCredentials implements Credentials {
    private final SecurityScheme scheme;
    private final String username;
    private final String password;

    private BasicCredentials(SecurityScheme scheme, String username, String password) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** Credentials as {@code scheme} would give them (for tests and provider overrides). */
    public static BasicCredentials of(SecurityScheme scheme, String username, String password) {
        return new BasicCredentials(scheme, username, password);
    }

    /** The user name (before the first colon; may be empty). */
    public String username() {
        return username;
    }

    /** The password (after the first colon; may contain colons, may be empty). */
    public String password() {
        return password;
    }

    /**
     * True when both are as expected, compared in constant time: the time taken does not tell which
     * one was wrong, nor how much of either was right.
     */
    public boolean matches(String expectedUsername, String expectedPassword) {
        boolean user = Secrets.constantTimeEquals(username, expectedUsername);
        boolean pass = Secrets.constantTimeEquals(password, expectedPassword);
        return user & pass;
    }

    @Override
    public SecurityScheme scheme() {
        return scheme;
    }

    @Override
    public AuthenticationException invalid(String detail) {
        return Answers.invalid(scheme, detail);
    }

    /** Shows the user name, never the password. */
    @Override
    public String toString() {
        return "BasicCredentials[" + scheme.name() + ", username=" + username + ", password=<redacted>]";
    }
}
