package dev.brisk;

import dev.brisk.internal.http.CookieRules;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

import java.time.Duration;

/**
 * A cookie to set on a response. Build one with {@link #of(String, String)} and the {@code with}
 * methods, then pass it to {@link Response#cookie(SetCookie)}.
 *
 * <p>Every part is checked when the cookie is built, so a bad one fails with an
 * {@link IllegalArgumentException} at the call that made it (in a handler: a 500, and no
 * {@code Set-Cookie} is sent). The rules are RFC 6265's: the name is a token (letters, digits and
 * {@code !#$%&'*+-.^_`|~}); the value is visible ASCII without spaces, {@code " , ; \} (or that in
 * double quotes), at most 4096 characters with the name; the path starts with {@code /} and holds
 * URL path characters without {@code ;} and {@code ,}; the domain is a host name; {@code SameSite}
 * is {@code Strict}, {@code Lax} or {@code None}, and {@code None} needs {@code Secure}. So text
 * from a request can never add an attribute ({@code "a; Domain=evil.com"}) or another header.
 * Values that are arbitrary text (user input, JSON, non-ASCII) are not rejected when built with
 * {@link #encoded(String, String)}, which percent-encodes them.
 *
 * @param name cookie name
 * @param value cookie value, sent as given
 * @param path the {@code Path} attribute, or {@code null} for none
 * @param domain the {@code Domain} attribute, or {@code null} for a cookie of the responding host only
 * @param maxAge the {@code Max-Age} (negative counts as zero), or {@code null} for a session cookie
 * @param secure the {@code Secure} flag
 * @param httpOnly the {@code HttpOnly} flag
 * @param sameSite {@code Strict}, {@code Lax} or {@code None} (any case), or {@code null} to leave it out
 */
public record SetCookie(String name, String value, String path, String domain, Duration maxAge,
                        boolean secure, boolean httpOnly, String sameSite) {
    /**
     * Checks every part (see the class description).
     *
     * @throws IllegalArgumentException naming the part and the character that is not allowed
     */
    public SetCookie {
        CookieRules.name(name);
        CookieRules.value(name, value);
        CookieRules.path(path);
        CookieRules.domain(domain);
        sameSite = CookieRules.sameSite(sameSite);
        if ("None".equals(sameSite) && !secure) {
            throw new IllegalArgumentException("Cookie \"" + name + "\" has SameSite=None without Secure, which browsers reject;"
                    + " set withSecure(true) (served over HTTPS) or use SameSite=Lax");
        }
    }

    /**
     * A session cookie with path {@code /}, {@code HttpOnly} and {@code SameSite=Lax}.
     *
     * @throws IllegalArgumentException when the name or value breaks RFC 6265's rules
     */
    public static SetCookie of(String name, String value) {
        return new SetCookie(name, value, "/", null, null, false, true, "Lax");
    }

    /**
     * Like {@link #of(String, String)}, with {@code value} percent-encoded as UTF-8 (everything but
     * letters, digits and {@code -._~}: {@code "a b;c"} is sent as {@code a%20b%3Bc}), so that any text
     * can be stored. The cookie comes back encoded: decode it with
     * {@code URLDecoder.decode(value, StandardCharsets.UTF_8)} (or JavaScript's {@code decodeURIComponent}).
     */
    public static SetCookie encoded(String name, String value) {
        if (value == null) throw new NullPointerException("value of cookie " + name);
        return of(name, CookieRules.percentEncode(value));
    }

    /** A copy with another path ({@code null} to leave it out). */
    public SetCookie withPath(String p) {
        return new SetCookie(name, value, p, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy with another domain ({@code null}: this host only). */
    public SetCookie withDomain(String d) {
        return new SetCookie(name, value, path, d, maxAge, secure, httpOnly, sameSite);
    }

    /** A copy that expires after {@code age}; {@link Duration#ZERO} asks the client to delete it. */
    public SetCookie withMaxAge(Duration age) {
        return new SetCookie(name, value, path, domain, age, secure, httpOnly, sameSite);
    }

    /**
     * A copy with the {@code Secure} flag set or cleared.
     *
     * @throws IllegalArgumentException when clearing it on a {@code SameSite=None} cookie
     */
    public SetCookie withSecure(boolean s) {
        return new SetCookie(name, value, path, domain, maxAge, s, httpOnly, sameSite);
    }

    /** A copy with the {@code HttpOnly} flag set or cleared. */
    public SetCookie withHttpOnly(boolean h) {
        return new SetCookie(name, value, path, domain, maxAge, secure, h, sameSite);
    }

    /**
     * A copy with another {@code SameSite}: {@code Strict}, {@code Lax} or {@code None} in any case,
     * or {@code null} to leave it out. {@code None} also sets {@code Secure}, without which browsers
     * reject the cookie.
     *
     * @throws IllegalArgumentException for any other value
     */
    public SetCookie withSameSite(String s) {
        String canonical = CookieRules.sameSite(s);
        return new SetCookie(name, value, path, domain, maxAge, secure || "None".equals(canonical), httpOnly, canonical);
    }

    /** The {@code Set-Cookie} header value, written by Netty's strict encoder (a {@code Max-Age} comes with its {@code Expires}). */
    public String toHeader() {
        var c = new DefaultCookie(name, value);
        if (path != null) c.setPath(path);
        if (domain != null) c.setDomain(domain);
        if (maxAge != null) c.setMaxAge(Math.max(0, maxAge.getSeconds()));
        c.setSecure(secure);
        c.setHttpOnly(httpOnly);
        if (sameSite != null) c.setSameSite(CookieHeaderNames.SameSite.valueOf(sameSite));
        return ServerCookieEncoder.STRICT.encode(c);
    }
}
