package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.HttpBasic;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.it.security.Auth.answers;
import static dev.brisk.it.security.Auth.basic;
import static dev.brisk.it.security.Auth.basicBytes;

/** HTTP Basic: strict base64, UTF-8, split at the first colon; the realm in the challenge; every failure exact. */
class HttpBasicTest {
    public static class Routes {
        @Get("/who")
        public Map<String, String> who(BasicCredentials c) {
            return Map.of("username", c.username(), "password", c.password());
        }

        @Get("/login")
        public String login(BasicCredentials c) {
            if (!c.matches("admin", "secret")) throw c.invalid("Incorrect username or password");
            return "welcome";
        }
    }

    static TestClient plain;
    static TestClient realm;

    @BeforeAll
    static void start() {
        plain = TestClient.of(App.builder().security(HttpBasic.create()).include(new Routes()).build());
        realm = TestClient.of(App.builder().security(HttpBasic.create().realm("tour")).include(new Routes()).build());
    }

    @AfterAll
    static void stop() {
        plain.close();
        realm.close();
    }

    private static dev.brisk.test.TestResponse get(TestClient c, String path, String authorization) {
        return c.request("GET", path).header("Authorization", authorization).send();
    }

    @Test
    void decodesUserAndPasswordSplitAtTheFirstColon() {
        answers(get(plain, "/who", basic("john:se:cret")), 200, "{\"username\":\"john\",\"password\":\"se:cret\"}");
        answers(get(plain, "/who", "basic " + basic("john:pw").substring(6)), 200, "{\"username\":\"john\",\"password\":\"pw\"}");
        answers(get(plain, "/who", basic(":")), 200, "{\"username\":\"\",\"password\":\"\"}");
    }

    @Test
    void decodesUtf8() {
        answers(get(plain, "/who", basic("jöhn:pässwörd")), 200, "{\"username\":\"jöhn\",\"password\":\"pässwörd\"}");
    }

    @Test
    void missingOrForeignCredentialsAnswerTheChallenge() {
        answers(plain.get("/who"), 401, "{\"detail\":\"Not authenticated\"}", "Basic");
        answers(get(plain, "/who", "Bearer abc"), 401, "{\"detail\":\"Not authenticated\"}", "Basic");
        answers(realm.get("/who"), 401, "{\"detail\":\"Not authenticated\"}", "Basic realm=\"tour\"");
    }

    @Test
    void malformedCredentialsAnswerTheChallenge() {
        for (String bad : new String[] {
                "Basic", "Basic !!!!", "Basic am9objpzZWNyZXQ" /* unpadded */, "Basic am9objpzZWNyZXQ=x===",
                basic("nocolon"), basicBytes(new byte[] {(byte) 0xff, (byte) 0xfe, ':', 'x'}) /* not UTF-8 */,
                basic("jo\u0001hn:pw") /* a control character inside */, basic("john:pw\n"), "Basic am9o bjpw"}) {
            answers(get(plain, "/who", bad), 401, "{\"detail\":\"Not authenticated\"}", "Basic");
            answers(get(realm, "/who", bad), 401, "{\"detail\":\"Not authenticated\"}", "Basic realm=\"tour\"");
        }
    }

    @Test
    void wrongPasswordsAreTheAppsAnswerWithTheChallenge() {
        dev.brisk.test.BriskAssertions.assertThat(get(realm, "/login", basic("admin:secret"))).hasStatus(200).hasText("welcome");
        answers(get(realm, "/login", basic("admin:wrong")), 401, "{\"detail\":\"Incorrect username or password\"}", "Basic realm=\"tour\"");
        answers(get(realm, "/login", basic("root:secret")), 401, "{\"detail\":\"Incorrect username or password\"}", "Basic realm=\"tour\"");
    }

    @Test
    void realmsThatCannotBeQuotedAsTheyAreAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpBasic.create().realm("a\"b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realm");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpBasic.create().realm("a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
