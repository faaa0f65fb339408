package dev.brisk.internal.middleware;

import dev.brisk.StartupException;
import io.netty.util.AsciiString;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Small HTTP syntax helpers shared by the built-in middleware: tokens, comma-separated lists. */
final class Tokens {
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) TCHAR[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
    }

    private Tokens() {
    }

    /** An RFC 9110 {@code tchar}. */
    static boolean isTokenChar(char c) {
        return c < 128 && TCHAR[c];
    }

    /** Whether {@code s[start, end)} is a non-empty token. */
    static boolean isToken(CharSequence s, int start, int end) {
        if (end <= start) return false;
        for (int i = start; i < end; i++) if (!isTokenChar(s.charAt(i))) return false;
        return true;
    }

    static boolean isToken(CharSequence s) {
        return isToken(s, 0, s.length());
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Checks configured names (methods, header names): each a token, duplicates dropped (case-insensitively
     * when {@code ignoreCase}). {@code what} names the setting in the message.
     */
    static List<String> checkedTokens(String owner, String what, List<String> values, boolean ignoreCase) {
        var seen = new LinkedHashSet<String>();
        var out = new ArrayList<String>();
        for (String v : values) {
            if (v == null) throw new StartupException(owner + ": " + what + " must not contain null");
            if (!isToken(v)) {
                throw new StartupException(owner + ": " + what + " \"" + v + "\" is not a valid HTTP token"
                        + " (letters, digits and !#$%&'*+-.^_`|~, no spaces or commas: give one name per argument)");
            }
            if (seen.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v)) out.add(v);
        }
        return out;
    }

    /** {@code a, b, c} as one pre-encoded header value. */
    static AsciiString joined(List<String> values) {
        return AsciiString.cached(String.join(", ", values));
    }
}
