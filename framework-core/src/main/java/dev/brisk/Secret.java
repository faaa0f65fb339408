package dev.brisk;

import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A setting that must never be printed (a password, an API key): {@link #toString()}, JSON and
 * Brisk's error messages show {@code **********}; {@link #value()} gives the text.
 */
public final class Secret {
    private static final String MASK = "**********";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret holding {@code value}. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The secret text. */
    public String value() {
        return value;
    }

    /** Always {@code **********}, whatever the value (also in JSON). */
    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    /** Equal when the values are (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;   // no hint about the value
    }
}
