package dev.brisk.cache.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256, for ETags, credential hashes and Redis keys. */
final class Hashing {
    private static final MessageDigest PROTOTYPE;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);   // every Java platform has SHA-256
        }
    }

    private Hashing() {
    }

    static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();   // cheaper than a provider look-up per use
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    static String sha256Url(String s) {
        return URL.encodeToString(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Url(byte[] b) {
        return URL.encodeToString(sha256().digest(b));
    }

    /** A strong ETag for a body: {@code "<first 128 bits of its SHA-256, base64url>"}; the same bytes give the same tag in every process. */
    static String etag(byte[] body) {
        byte[] d = sha256().digest(body);
        return "\"" + URL.encodeToString(java.util.Arrays.copyOf(d, 16)) + "\"";
    }
}
