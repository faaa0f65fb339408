package dev.brisk.cache.internal;

import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;

import java.util.Locale;

/**
 * Which request values are credentials. A credential is never stored as it is: its SHA-256 goes
 * into the key, so two users with different tokens never share an entry, and a response whose key
 * holds one is {@code Cache-Control: private}.
 *
 * <p>The route model marks the parameters of Brisk's security schemes as credentials
 * ({@link ParamDef#credential()}); on top of them, {@code Authorization} and {@code Cookie}, cookies a
 * dependency reads, and values whose names say they carry a secret (an API key a dependency reads by
 * hand) are treated as credentials too: a false positive only hashes a value, a false negative would
 * put a secret into a cache key. It is the only place that decides; {@link KeyPlan} calls nothing else.
 */
final class Credentials {
    private static final String[] SECRET_WORDS = {"apikey", "accesskey", "token", "secret", "session", "sessid", "password",
            "passwd", "authorization", "credential", "signature", "jwt"};

    private Credentials() {
    }

    /** Whether a parameter the route (or, {@code byDependency}, one of its dependencies) reads is a credential. */
    static boolean isCredential(ParamDef p, boolean byDependency) {
        return p.credential() || isCredential(p.kind(), p.wireName(), byDependency);
    }

    /**
     * Whether a value the route reads is a credential, judged by where it is read and its name.
     *
     * @param kind where it is read (path, query, header, cookie)
     * @param wireName its name on the wire (header names lower-case)
     * @param byDependency whether a dependency (rather than the handler) reads it
     */
    static boolean isCredential(ParamKind kind, String wireName, boolean byDependency) {
        String name = wireName.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case HEADER -> name.equals("authorization") || name.equals("proxy-authorization") || name.equals("cookie") || looksSecret(name);
            case COOKIE -> byDependency || looksSecret(name);   // a cookie a dependency reads is usually a session
            case QUERY -> looksSecret(name);
            default -> false;
        };
    }

    /** {@code x-api-key}, {@code api_key}, {@code access_token}, {@code session-id}, ...: a name that says it carries a secret. */
    static boolean looksSecret(String name) {
        var sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c != '-' && c != '_' && c != '.') sb.append(c);
        }
        String n = sb.toString();
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) return true;
        }
        return false;
    }
}
