package dev.brisk.internal.security;

import dev.brisk.internal.security.Answers.Outcome;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.SecurityScheme;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Reads one scheme's credentials from the raw values of its header, query parameter or cookie: a
 * {@code Credentials} value, or the {@link Outcome} that says why there is none. No regex, and the
 * common case (one header, a good token) allocates only the credentials.
 */
final class Readers {
    private Readers() {
    }

    /** {@code values}: every value of the scheme's header, query parameter or cookie, in order. */
    static Object read(SecurityScheme s, List<String> values) {
        if (s instanceof ApiKeyHeader || s instanceof ApiKeyQuery || s instanceof ApiKeyCookie) return apiKey(s, values);
        if (values.isEmpty()) return Outcome.ABSENT;
        if (values.size() > 1) return Outcome.MALFORMED;   // RFC 6750 3.1: more than one way of sending credentials
        String v = values.get(0);
        int sp = v.indexOf(' ');
        String authScheme = sp < 0 ? v : v.substring(0, sp);
        String expected = s instanceof HttpBasic ? "Basic" : "Bearer";
        if (!authScheme.equalsIgnoreCase(expected)) return authScheme.isEmpty() ? Outcome.ABSENT : Outcome.OTHER_SCHEME;
        int start = sp < 0 ? v.length() : sp;
        while (start < v.length() && v.charAt(start) == ' ') start++;
        if (start == v.length()) return Outcome.MALFORMED;
        return s instanceof HttpBasic ? basic(s, v, start) : bearer(s, v, start);
    }

    /** RFC 6750's b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static Object bearer(SecurityScheme s, String v, int start) {
        int i = start;
        int n = v.length();
        while (i < n && isB64TokenChar(v.charAt(i))) i++;
        if (i == start) return Outcome.MALFORMED;
        while (i < n && v.charAt(i) == '=') i++;
        if (i != n) return Outcome.MALFORMED;
        return BearerToken.of(s, v.substring(start));
    }

    private static boolean isB64TokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** RFC 7617: strict, padded base64 of UTF-8 {@code user-id ":" password}, split at the first colon. */
    private static Object basic(SecurityScheme s, String v, int start) {
        String b64 = v.substring(start);
        if (b64.length() % 4 != 0) return Outcome.MALFORMED;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return Outcome.MALFORMED;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Outcome.MALFORMED;
        }
        int colon = text.indexOf(':');
        if (colon < 0 || hasControl(text)) return Outcome.MALFORMED;
        return BasicCredentials.of(s, text.substring(0, colon), text.substring(colon + 1));
    }

    private static Object apiKey(SecurityScheme s, List<String> values) {
        if (values.isEmpty()) return Outcome.ABSENT;
        if (values.size() > 1) return Outcome.MALFORMED;
        String v = values.get(0);
        if (v.isEmpty()) return Outcome.ABSENT;
        if (hasControl(v)) return Outcome.MALFORMED;
        return ApiKey.of(s, v);
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
        }
        return false;
    }
}
