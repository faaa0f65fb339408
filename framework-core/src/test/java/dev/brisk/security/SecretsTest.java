package dev.brisk.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The constant-time comparison: equal is equal, everything else is not, whatever the lengths. */
class SecretsTest {
    @Test
    void comparesByContent() {
        assertThat(Secrets.constantTimeEquals("k-123", new String("k-123"))).isTrue();
        assertThat(Secrets.constantTimeEquals("", "")).isTrue();
        assertThat(Secrets.constantTimeEquals("pässwörd", "pässwörd")).isTrue();
        assertThat(Secrets.constantTimeEquals("k-123", "k-124")).isFalse();
        assertThat(Secrets.constantTimeEquals("k-123", "k-1234")).isFalse();
        assertThat(Secrets.constantTimeEquals("k-1234", "k-123")).isFalse();
        assertThat(Secrets.constantTimeEquals("", "k")).isFalse();
        assertThat(Secrets.constantTimeEquals("K-123", "k-123")).isFalse();
        assertThat(Secrets.constantTimeEquals("k-123".getBytes(StandardCharsets.UTF_8), "k-123".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Secrets.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2, 0})).isFalse();
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> Secrets.constantTimeEquals(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Secrets.constantTimeEquals("x", (String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void credentialMatchesCheckBothHalves() {
        var c = BasicCredentials.of(HttpBasic.create(), "admin", "secret");
        assertThat(c.matches("admin", "secret")).isTrue();
        assertThat(c.matches("admin", "secreT")).isFalse();
        assertThat(c.matches("root", "secret")).isFalse();
        assertThat(ApiKey.of(ApiKeyHeader.named("X"), "k").matches("k")).isTrue();
        assertThat(BearerToken.of(HttpBearer.create(), "t").matches("u")).isFalse();
    }
}
