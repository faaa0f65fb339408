package dev.brisk.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The syntax of a {@code Set-Cookie} header's parts (RFC 6265, section 4.1.1), checked where a
 * cookie is built so that a handler passing user input into a cookie fails at its own call, and
 * never sends an attribute the input smuggled in ({@code "a; Domain=evil.com"}).
 * Messages never repeat a cookie's value, which may be a secret; they name the character instead.
 */
public final class CookieRules {
    /** Browsers ignore a cookie whose name and value together exceed this (RFC 6265, section 6.1). */
    public static final int MAX_NAME_AND_VALUE = 4096;
    /** Browsers ignore a {@code Path} or {@code Domain} longer than this. */
    public static final int MAX_ATTRIBUTE = 1024;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CookieRules() {
    }

    /** A name is an RFC 9110 token: letters, digits and {@code !#$%&'*+-.^_`|~}. */
    public static String name(String name) {
        if (name == null) throw new NullPointerException("cookie name");
        if (name.isEmpty()) throw new IllegalArgumentException("Invalid cookie name: it is empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException("Invalid cookie name \"" + printable(name) + "\": " + describe(c)
                        + " is not allowed; a name has only letters, digits and !#$%&'*+-.^_`|~ (RFC 6265)");
            }
        }
        return name;
    }

    /**
     * A value is {@code *cookie-octet} or the same in double quotes: visible ASCII except
     * {@code " , ; \} (no spaces, controls or non-ASCII).
     */
    public static String value(String name, String value) {
        if (value == null) throw new NullPointerException("value of cookie " + name);
        int from = 0, to = value.length();
        if (to >= 2 && value.charAt(0) == '"' && value.charAt(to - 1) == '"') {
            from = 1;
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!isCookieOctet(c)) {
                throw new IllegalArgumentException("Invalid value for cookie \"" + name + "\": " + describe(c) + " at index " + i
                        + " is not allowed; a value has only visible ASCII without spaces, '\"', ',', ';' and '\\' (RFC 6265)."
                        + " To store any text, percent-encode it: SetCookie.encoded(name, value)");
            }
        }
        if (name.length() + value.length() > MAX_NAME_AND_VALUE) {
            throw new IllegalArgumentException("Cookie \"" + name + "\" is " + (name.length() + value.length())
                    + " characters long; browsers ignore cookies over " + MAX_NAME_AND_VALUE + " (name and value)");
        }
        return value;
    }

    /**
     * A path (or null) starts with {@code /} and holds only URL path characters (RFC 3986: letters,
     * digits, {@code -._~!$&'()*+=:@/} and {@code %XX} escapes), without {@code ;} and {@code ,}.
     */
    public static String path(String path) {
        if (path == null) return null;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Invalid cookie path \"" + printable(path) + "\": it must start with '/' (browsers ignore other paths)");
        }
        checkLength("path", path);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = c < 128 && (isUnreserved(c) || "!$&'()*+=:@/".indexOf(c) >= 0
                    || c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2)));
            if (!ok) {
                throw new IllegalArgumentException("Invalid cookie path \"" + printable(path) + "\": " + describe(c)
                        + " is not allowed; a path has only letters, digits, -._~!$&'()*+=:@/ and %XX escapes");
            }
        }
        return path;
    }

    /**
     * A domain (or null) is a host name: dot-separated labels of letters, digits and inner hyphens,
     * each 1 to 63 long, 253 at most in all; one leading dot is allowed (browsers ignore it).
     */
    public static String domain(String domain) {
        if (domain == null) return null;
        String host = domain.startsWith(".") ? domain.substring(1) : domain;
        String problem = host.isEmpty() ? "it is empty" : host.length() > 253 ? "it is longer than 253 characters" : null;
        int labelStart = 0;
        for (int i = 0; problem == null && i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0) problem = "it has an empty label";
                else if (len > 63) problem = "a label is longer than 63 characters";
                else if (host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') problem = "a label starts or ends with '-'";
                labelStart = i + 1;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                problem = describe(c) + " is not allowed" + (c >= 128 ? " (use the ASCII form, java.net.IDN.toASCII)" : "");
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("Invalid cookie domain \"" + printable(domain) + "\": " + problem
                    + "; a domain is a host name such as example.com (leave it out for a cookie of this host only)");
        }
        return domain;
    }

    /** {@code Strict}, {@code Lax} or {@code None} in any case, as written in the header; null stays null. */
    public static String sameSite(String sameSite) {
        if (sameSite == null) return null;
        if (sameSite.equalsIgnoreCase("Lax")) return "Lax";
        if (sameSite.equalsIgnoreCase("Strict")) return "Strict";
        if (sameSite.equalsIgnoreCase("None")) return "None";
        throw new IllegalArgumentException("Invalid SameSite \"" + printable(sameSite) + "\": it is Strict, Lax or None");
    }

    /** Percent-encodes {@code text} as UTF-8, keeping only RFC 3986's unreserved characters. */
    public static String percentEncode(String text) {
        StringBuilder sb = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean keep = b < 128 && isUnreserved((char) b);
            if (sb == null && !keep) {
                sb = new StringBuilder(bytes.length + 16);
                for (int j = 0; j < i; j++) sb.append((char) bytes[j]);
            }
            if (sb == null) continue;
            if (keep) sb.append((char) b);
            else sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
        }
        return sb == null ? text : sb.toString();
    }

    private static void checkLength(String what, String s) {
        if (s.length() > MAX_ATTRIBUTE) {
            throw new IllegalArgumentException("Cookie " + what + " is " + s.length() + " characters long; browsers ignore more than " + MAX_ATTRIBUTE);
        }
    }

    private static boolean isTokenChar(char c) {
        return c < 128 && (isAlnum(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    /** RFC 6265: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E. */
    private static boolean isCookieOctet(char c) {
        return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    private static boolean isUnreserved(char c) {
        return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** {@code ';'} for visible ASCII, {@code U+000D} otherwise. */
    private static String describe(char c) {
        if (c > 0x20 && c < 0x7f) return "'" + c + "'";
        if (c == ' ') return "a space";
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** The text with controls and non-ASCII shown as {@code \\uXXXX}, so that a message is one clean line. */
    private static String printable(String s) {
        var sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) sb.append(c);
            else sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        }
        if (s.length() > 200) sb.append("...");
        return sb.toString();
    }
}
