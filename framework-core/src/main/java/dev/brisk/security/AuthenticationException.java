package dev.brisk.security;

import dev.brisk.HttpException;

import java.util.List;
import java.util.Map;

/**
 * An {@link HttpException} with {@code WWW-Authenticate} challenges: what the schemes, the credentials'
 * {@code invalid()} and {@link SecurityScopes#check} end a request with. The answer is the status,
 * {@code {"detail": detail}} and one {@code WWW-Authenticate} header per challenge (none for a
 * pre-0.122 403, see the schemes' {@code legacyErrors()}). The client's credentials are never part of it.
 */
public class AuthenticationException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final List<String> challenges;

    /**
     * @param challenges the {@code WWW-Authenticate} values, e.g. {@code Bearer error="invalid_token"}; in order
     */
    public AuthenticationException(int status, String detail, List<String> challenges) {
        super(status, detail, challenges.isEmpty() ? Map.of() : Map.of("WWW-Authenticate", challenges.get(0)));
        this.challenges = List.copyOf(challenges);
    }

    /** The {@code WWW-Authenticate} values, one header each ({@link #headers()} holds the first). */
    public List<String> challenges() {
        return challenges;
    }
}
