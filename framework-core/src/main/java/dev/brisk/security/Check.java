package dev.brisk.security;

import java.util.Objects;

/** Argument checks shared by the schemes: what goes into a header, a challenge or OpenAPI must be clean. */
final class Check {
    private Check() {
    }

    /** An OpenAPI component name: {@code ^[a-zA-Z0-9.\-_]+$}. */
    static String name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("a security scheme name must not be empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("security scheme name \"" + printable(name)
                        + "\": use only letters, digits, '.', '-' and '_' (OpenAPI's rule for component names)");
            }
        }
        return name;
    }

    /** Text without control characters (descriptions, formats, URLs). */
    static String text(String what, String value) {
        Objects.requireNonNull(value, what);
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return value;
    }

    /** A URL: not empty, no spaces or control characters. */
    static String url(String what, String value) {
        text(what, value);
        if (value.isEmpty() || value.indexOf(' ') >= 0) throw new IllegalArgumentException(what + " \"" + value + "\" is not a URL");
        return value;
    }

    /** An HTTP token (RFC 9110 tchar), e.g. a header or cookie name. */
    static String token(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) throw new IllegalArgumentException(what + " must not be empty");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean tchar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) throw new IllegalArgumentException(what + " \"" + printable(value) + "\" is not an HTTP token");
        }
        return value;
    }

    /** An OAuth2 scope (RFC 6749 3.3: printable ASCII but space, '"' and '\'). */
    static String scope(String scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.isEmpty()) throw new IllegalArgumentException("a scope must not be empty");
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("scope \"" + printable(scope)
                        + "\": use printable ASCII without spaces, '\"' or '\\' (RFC 6749 section 3.3)");
            }
        }
        return scope;
    }

    /** A realm that can go into a quoted-string as it is: no '"', '\' or control characters. */
    static String realm(String realm) {
        text("realm", realm);
        if (realm.isEmpty() || realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("realm \"" + printable(realm) + "\" must be non-empty, without '\"' or '\\'");
        }
        return realm;
    }

    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private static String printable(String s) {
        var sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
