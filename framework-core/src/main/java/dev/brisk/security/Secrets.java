package dev.brisk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** Comparing secrets (API keys, passwords, tokens) without telling an attacker how close a guess was. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * True when {@code provided} equals {@code expected}, in time that depends neither on where they
     * differ nor on their lengths: both are hashed (SHA-256, UTF-8) and the digests compared with
     * {@link MessageDigest#isEqual}. Use it instead of {@code equals} for anything a client guesses.
     */
    public static boolean constantTimeEquals(String provided, String expected) {
        Objects.requireNonNull(provided, "provided");
        Objects.requireNonNull(expected, "expected");
        return constantTimeEquals(provided.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Like {@link #constantTimeEquals(String, String)}, for bytes. */
    public static boolean constantTimeEquals(byte[] provided, byte[] expected) {
        Objects.requireNonNull(provided, "provided");
        Objects.requireNonNull(expected, "expected");
        return MessageDigest.isEqual(sha256(provided), sha256(expected));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
