package dev.brisk;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie to set on a response. Build one with {@link #of(String, String)} and the {@code with}
 * methods, then pass it to {@link Response#cookie(SetCookie)}.
 *
 * @param name cookie name
 * @param value cookie value
 * @param path the {@code Path} attribute, or {@code null}
 * @param domain the {@code Domain} attribute, or {@code null}
 * @param maxAge the {@code Max-Age}, or {@code null} for a session cookie
 * @param secure the {@code Secure} flag
 * @param httpOnly the {@code HttpOnly} flag
 * @param sameSite {@code Strict}, {@code Lax}, {@code None} or {@code null}
 */
public record SetCookie(String name, String value, String path, String domain, Duration maxAge,
                        boolean secure, boolean httpOnly, String sameSite) {
    /** Checks the name and value. */
    public SetCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A session cookie with path {@code /}, {@code HttpOnly} and {@code SameSite=Lax}. */
    public static SetCookie of(String name, String value) {
        return new SetCookie(name, value, "/", null, null, false, true, "Lax");
    }

    /** A copy with another path. */
    public SetCookie withPath(String p) {
        return new SetCookie(name, value, p, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with another domain. */
    public SetCookie withDomain(String d) {
        return new SetCookie(name, value, path, d, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy that expires after {@code age}. */
    public SetCookie withMaxAge(Duration age) {
        return new SetCookie(name, value, path, domain, age, secure, httpOnly, sameSite);
    }

    /** A copy with the {@code Secure} flag set or cleared. */
    public SetCookie withSecure(boolean s) {
        return new SetCookie(name, value, path, domain, maxAge, s, httpOnly, sameSite);
    }

    /** A copy with the {@code HttpOnly} flag set or cleared. */
    public SetCookie withHttpOnly(boolean h) {
        return new SetCookie(name, value, path, domain, maxAge, secure, h, sameSite);
    }

    /** A copy with another {@code SameSite} value ({@code null} to omit it). */
    public SetCookie withSameSite(String s) {
        return new SetCookie(name, value, path, domain, maxAge, secure, httpOnly, s);
    }

    /** The {@code Set-Cookie} header value. */
    public String toHeader() {
        var sb = new StringBuilder(name.length() + value.length() + 48).append(name).append('=').append(value);
        if (path != null) sb.append("; Path=").append(path);
        if (domain != null) sb.append("; Domain=").append(domain);
        if (maxAge != null) sb.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
        if (secure) sb.append("; Secure");
        if (httpOnly) sb.append("; HttpOnly");
        if (sameSite != null) sb.append("; SameSite=").append(sameSite);
        return sb.toString();
    }
}
