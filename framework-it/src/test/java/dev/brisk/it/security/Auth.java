package dev.brisk.it.security;

import dev.brisk.test.TestResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for the security tests: exact answers, WWW-Authenticate lines, Basic headers. */
final class Auth {
    private Auth() {
    }

    /** Every WWW-Authenticate value, in order (empty when none). */
    static List<String> challenges(TestResponse r) {
        return r.headers().getOrDefault("WWW-Authenticate", List.of());
    }

    /** Asserts status, exact JSON body and exactly these WWW-Authenticate values. */
    static void answers(TestResponse r, int status, String json, String... challenges) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        dev.brisk.test.BriskAssertions.assertThat(r).hasJsonBody(json);
        assertThat(challenges(r)).as("WWW-Authenticate of " + r).containsExactly(challenges);
    }

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    static String basicBytes(byte[] raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }
}
