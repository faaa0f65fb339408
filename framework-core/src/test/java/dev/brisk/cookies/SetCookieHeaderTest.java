package dev.brisk.cookies;

import dev.brisk.Response;
import dev.brisk.SetCookie;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Set-Cookie} header a {@link SetCookie} becomes, attribute by attribute. Netty's strict
 * encoder writes it, {@code HttpOnly} as {@code HTTPOnly} (attribute names are case-insensitive).
 */
class SetCookieHeaderTest {
    private static final String EXPIRES = "Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @Test
    void theDefaults() {
        assertThat(SetCookie.of("sid", "abc").toHeader()).isEqualTo("sid=abc; Path=/; HTTPOnly; SameSite=Lax");
    }

    @Test
    void everyAttribute() {
        var c = SetCookie.of("sid", "abc").withPath("/app").withDomain("example.com").withMaxAge(Duration.ofHours(1))
                .withSecure(true).withSameSite("Strict");
        String header = c.toHeader();
        assertThat(header).matches("sid=abc; Max-Age=3600; " + EXPIRES + "; Path=/app; Domain=example.com; Secure; HTTPOnly; SameSite=Strict");

        var parsed = (DefaultCookie) ClientCookieDecoder.STRICT.decode(header);
        assertThat(parsed.name()).isEqualTo("sid");
        assertThat(parsed.value()).isEqualTo("abc");
        assertThat(parsed.path()).isEqualTo("/app");
        assertThat(parsed.domain()).isEqualTo("example.com");
        assertThat(parsed.maxAge()).isEqualTo(3600);
        assertThat(parsed.isSecure()).isTrue();
        assertThat(parsed.isHttpOnly()).isTrue();
        assertThat(parsed.sameSite()).isEqualTo(CookieHeaderNames.SameSite.Strict);
    }

    @Test
    void expiresAgreesWithMaxAge() {
        String header = SetCookie.of("s", "v").withMaxAge(Duration.ofDays(1)).toHeader();
        String expires = header.replaceAll(".*Expires=([^;]+);.*", "$1");
        var when = ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(ZonedDateTime.now(), when).toMinutes()).isBetween(24 * 60L - 1, 24 * 60L);
    }

    @Test
    void attributesLeftOut() {
        assertThat(new SetCookie("a", "b", null, null, null, false, false, null).toHeader()).isEqualTo("a=b");
        assertThat(SetCookie.of("a", "b").withHttpOnly(false).withSameSite(null).withPath(null).toHeader()).isEqualTo("a=b");
    }

    @Test
    void sameSiteNoneIsSentWithSecure() {
        assertThat(SetCookie.of("a", "b").withSameSite("none").toHeader()).isEqualTo("a=b; Path=/; Secure; HTTPOnly; SameSite=None");
    }

    @Test
    void quotedValuesStayQuoted() {
        assertThat(SetCookie.of("a", "\"bc\"").toHeader()).startsWith("a=\"bc\"; ");
        assertThat(SetCookie.of("a", "").toHeader()).startsWith("a=; ");
    }

    @Test
    void negativeMaxAgeIsZero() {
        assertThat(SetCookie.of("a", "b").withMaxAge(Duration.ofSeconds(-5)).toHeader()).startsWith("a=b; Max-Age=0; Expires=");
    }

    @Test
    void deleteCookie() {
        var cookies = new Response().deleteCookie("session").cookies();
        assertThat(cookies).hasSize(1);
        assertThat(cookies.get(0).toHeader()).matches("session=; Max-Age=0; " + EXPIRES + "; Path=/; HTTPOnly; SameSite=Lax");
    }
}
