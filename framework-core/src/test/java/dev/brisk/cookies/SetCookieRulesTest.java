package dev.brisk.cookies;

import dev.brisk.Response;
import dev.brisk.SetCookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Cookie attribute injection: every part of a {@link SetCookie} is checked where the cookie is built
 * (RFC 6265), so text that would end the value and start an attribute ({@code ;}), another cookie
 * ({@code ,}), another header (CR/LF) or that browsers parse differently (spaces, quotes, non-ASCII,
 * {@code =} in a name) fails at the handler's own call with an {@link IllegalArgumentException}.
 */
class SetCookieRulesTest {
    /** Text that must not get into a Set-Cookie header unchanged, by what it would do there. */
    static Stream<Arguments> injections() {
        return Stream.of(
                arguments("semicolon", ";", "a; Domain=evil.com"),
                arguments("comma", ",", "a, evil=1"),
                arguments("CR", "\r", "a\rb"),
                arguments("LF", "\n", "a\nb"),
                arguments("CRLF", "\r\n", "a\r\nSet-Cookie: evil=1"),
                arguments("space", " ", "a b"),
                arguments("tab", "\t", "a\tb"),
                arguments("double quote", "\"", "a\"b"),
                arguments("backslash", "\\", "a\\b"),
                arguments("non-ASCII", "é", "caf\u00e9"),
                arguments("emoji", "\uD83C\uDF6A", "\uD83C\uDF6A"),
                arguments("NUL", "\u0000", "a\u0000b"),
                arguments("DEL", "\u007f", "a\u007fb"));
    }

    @ParameterizedTest(name = "{0} in a name")
    @MethodSource("injections")
    void nameRejects(String what, String c, String sample) {
        assertThatThrownBy(() -> SetCookie.of("ses" + c + "sion", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid cookie name \"ses");
    }

    @ParameterizedTest(name = "{1} in a name")
    @ValueSource(strings = {"=", "(", ")", "<", ">", "@", ":", "/", "[", "]", "?", "{", "}"})
    void nameRejectsEverySeparator(String c) {
        assertThatThrownBy(() -> SetCookie.of("a" + c + "b", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + c + "' is not allowed");
    }

    @Test
    void nameMustNotBeEmptyOrNull() {
        assertThatThrownBy(() -> SetCookie.of("", "v")).isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid cookie name: it is empty");
        assertThatThrownBy(() -> SetCookie.of(null, "v")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyTokenCharacterIsAName() {
        String token = "!#$%&'*+-.^_`|~09azAZ";
        assertThat(SetCookie.of(token, "v").name()).isEqualTo(token);
        assertThat(SetCookie.of("__Host-session", "v").name()).isEqualTo("__Host-session");
    }

    @ParameterizedTest(name = "{0} in a value")
    @MethodSource("injections")
    void valueRejects(String what, String c, String sample) {
        assertThatThrownBy(() -> SetCookie.of("session", sample))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid value for cookie \"session\": ")
                .hasMessageContaining("SetCookie.encoded(name, value)");
    }

    @Test
    void theMessageNamesTheCharacterButNeverRepeatsTheValue() {
        assertThatThrownBy(() -> SetCookie.of("session", "s3cr3t-token;x"))
                .hasMessageStartingWith("Invalid value for cookie \"session\": ';' at index 12 is not allowed")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> SetCookie.of("session", "a\r\nb")).hasMessageContaining("U+000D at index 1");
    }

    @Test
    void responseCookieThrowsAtTheCall() {
        var response = new Response();
        assertThatThrownBy(() -> response.cookie("session", "a; Domain=evil.com")).isInstanceOf(IllegalArgumentException.class);
        assertThat(response.cookies()).isEmpty();
    }

    @Test
    void deleteCookieChecksTheName() {
        var response = new Response();
        assertThatThrownBy(() -> response.deleteCookie("a; Domain=evil.com")).isInstanceOf(IllegalArgumentException.class);
        assertThat(response.cookies()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a=b==", "\"quoted\"", "\"\"", "!#$%&'()*+-./0:<=>?@AZ[]^_`az{|}~", "eyJhbGciOi.J9.x-_"})
    void validValuesAreKeptAsGiven(String value) {
        assertThat(SetCookie.of("session", value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"abc", "abc\"", "\"a\"b\"", "\"a;b\""})
    void quotesOnlyAroundTheWholeValue(String value) {
        assertThatThrownBy(() -> SetCookie.of("session", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueAndNameTogetherAreAtMost4096() {
        assertThat(SetCookie.of("s", "x".repeat(4095)).value()).hasSize(4095);
        assertThatThrownBy(() -> SetCookie.of("s", "x".repeat(4096)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cookie \"s\" is 4097 characters long; browsers ignore cookies over 4096 (name and value)");
    }

    @Test
    void nullValueIsRejected() {
        assertThatThrownBy(() -> SetCookie.of("s", null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} in a path")
    @MethodSource("injections")
    void pathRejects(String what, String c, String sample) {
        assertThatThrownBy(() -> SetCookie.of("s", "v").withPath("/a" + c + "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid cookie path \"/a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "api/v1", "?x", "/a?b", "/a#b", "/%zz", "/%4", "/a; Domain=evil.com", "/a=b;Secure"})
    void pathIsAUrlPath(String path) {
        assertThatThrownBy(() -> SetCookie.of("s", "v").withPath(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/", "/caf%C3%A9", "/a:b@c!$&'()*+=-._~"})
    void validPathsAreKept(String path) {
        assertThat(SetCookie.of("s", "v").withPath(path).path()).isEqualTo(path);
        assertThat(SetCookie.of("s", "v").withPath(null).path()).isNull();
    }

    @Test
    void pathIsAtMost1024() {
        assertThat(SetCookie.of("s", "v").withPath("/" + "a".repeat(1023)).path()).hasSize(1024);
        assertThatThrownBy(() -> SetCookie.of("s", "v").withPath("/" + "a".repeat(1024))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} in a domain")
    @MethodSource("injections")
    void domainRejects(String what, String c, String sample) {
        assertThatThrownBy(() -> SetCookie.of("s", "v").withDomain("exam" + c + "ple.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid cookie domain \"exam");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..example.com", "a..b", "example.com.", "-a.com", "a-.com", "exa_mple.com", "exa=mple.com",
            "example.com:8080", "[::1]", "evil.com; Secure", "b\u00fccher.de", "http://example.com"})
    void domainIsAHostName(String domain) {
        assertThatThrownBy(() -> SetCookie.of("s", "v").withDomain(domain)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainLabelsAndLength() {
        String label63 = "a".repeat(63);
        assertThat(SetCookie.of("s", "v").withDomain(label63 + ".com").domain()).isEqualTo(label63 + ".com");
        assertThatThrownBy(() -> SetCookie.of("s", "v").withDomain(label63 + "a.com")).hasMessageContaining("longer than 63");
        String long254 = (label63 + ".").repeat(4).substring(0, 254);
        assertThatThrownBy(() -> SetCookie.of("s", "v").withDomain(long254)).hasMessageContaining("longer than 253");
        assertThatThrownBy(() -> SetCookie.of("s", "v").withDomain("b\u00fccher.de")).hasMessageContaining("IDN.toASCII");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", ".example.com", "localhost", "a-b.example.co.uk", "127.0.0.1", "EXAMPLE.com", "xn--bcher-kva.de"})
    void validDomainsAreKept(String domain) {
        assertThat(SetCookie.of("s", "v").withDomain(domain).domain()).isEqualTo(domain);
    }

    @Test
    void sameSiteIsStrictLaxOrNoneInAnyCase() {
        assertThat(SetCookie.of("s", "v").withSameSite("strict").sameSite()).isEqualTo("Strict");
        assertThat(SetCookie.of("s", "v").withSameSite("LAX").sameSite()).isEqualTo("Lax");
        assertThat(SetCookie.of("s", "v").withSameSite(null).sameSite()).isNull();
        for (String bad : new String[] {"", "foo", "Lax; Domain=evil.com", "Lax\r\n"}) {
            assertThatThrownBy(() -> SetCookie.of("s", "v").withSameSite(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("it is Strict, Lax or None");
        }
        assertThatThrownBy(() -> new SetCookie("s", "v", "/", null, null, true, true, "Medium")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSiteNoneRequiresSecure() {
        var none = SetCookie.of("s", "v").withSameSite("None");
        assertThat(none.secure()).as("None sets Secure").isTrue();
        assertThat(SetCookie.of("s", "v").withSecure(true).withSameSite("none").sameSite()).isEqualTo("None");
        assertThatThrownBy(() -> none.withSecure(false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SameSite=None without Secure");
        assertThatThrownBy(() -> new SetCookie("s", "v", "/", null, null, false, true, "None")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCanonicalConstructorChecksToo() {
        assertThatThrownBy(() -> new SetCookie("s", "a;b", "/", null, null, false, true, "Lax")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetCookie("s", "v", "/;x", null, null, false, true, "Lax")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetCookie("s", "v", "/", "a;b", null, false, true, "Lax")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SetCookie("s", "v", null, null, null, false, false, "lax").sameSite()).isEqualTo("Lax");
    }

    @ParameterizedTest(name = "encoded: {0}")
    @MethodSource("injections")
    void encodedAcceptsAnyTextAndRoundTrips(String what, String c, String sample) {
        var cookie = SetCookie.encoded("session", sample);
        assertThat(cookie.value()).matches("[A-Za-z0-9._~%-]*");
        assertThat(URLDecoder.decode(cookie.value(), StandardCharsets.UTF_8)).isEqualTo(sample);
    }

    @Test
    void encodedKeepsUnreservedCharactersAndEscapesTheRest() {
        assertThat(SetCookie.encoded("s", "abc-._~XYZ09").value()).isEqualTo("abc-._~XYZ09");
        assertThat(SetCookie.encoded("s", "a b;c").value()).isEqualTo("a%20b%3Bc");
        assertThat(SetCookie.encoded("s", "1+1=2%").value()).isEqualTo("1%2B1%3D2%25");
        assertThat(SetCookie.encoded("s", "caf\u00e9").value()).isEqualTo("caf%C3%A9");
        assertThat(SetCookie.encoded("s", "{\"a\":1}").toHeader()).startsWith("s=%7B%22a%22%3A1%7D; Path=/");
        assertThatThrownBy(() -> SetCookie.encoded("a b", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxAgeOfZeroIsKept() {
        assertThat(SetCookie.of("s", "v").withMaxAge(Duration.ZERO).maxAge()).isZero();
    }
}
