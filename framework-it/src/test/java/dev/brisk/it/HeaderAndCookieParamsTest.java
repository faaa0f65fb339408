package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.brisk.test.BriskAssertions.assertThat;

@BriskTest
class HeaderAndCookieParamsTest {
    public static class Routes {
        @Get("/headers")
        public String headers(@Header String xToken, @Header("User-Agent") Optional<String> agent, @Header(defaultValue = "3") int xRetries) {
            return xToken + "|" + agent.orElse("-") + "|" + xRetries;
        }

        @Get("/multi")
        public List<String> multi(@Header List<String> xTag) {
            return xTag;
        }

        @Get("/cookies")
        public String cookies(@Cookie String session, @Cookie(defaultValue = "en") String lang) {
            return session + "|" + lang;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void camelCaseNameBecomesDashedHeaderMatchedCaseInsensitively() {
        assertThat(client.request("GET", "/headers").header("X-TOKEN", "abc").header("user-agent", "ua").send())
                .hasStatus(200).hasText("abc|ua|3");
    }

    @Test
    void missingHeaderUsesTheWireNameInLoc() {
        assertThat(client.get("/headers")).hasStatus(422)
                .hasJsonBody("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"header\",\"x-token\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void badHeaderValueIs422() {
        assertThat(client.request("GET", "/headers").header("x-token", "t").header("x-retries", "many").send())
                .hasValidationError("int_parsing", "header", "x-retries");
    }

    @Test
    void repeatedHeadersFillAList() {
        assertThat(client.request("GET", "/multi").header("x-tag", "a").header("x-tag", "b").send()).hasJsonBody("[\"a\",\"b\"]");
    }

    @Test
    void cookiesBindWithDefaults() {
        assertThat(client.request("GET", "/cookies").cookie("session", "s1").send()).hasText("s1|en");
        assertThat(client.request("GET", "/cookies").cookie("session", "s1").cookie("lang", "fr").send()).hasText("s1|fr");
        assertThat(client.get("/cookies")).hasValidationError("missing", "cookie", "session");
    }
}
