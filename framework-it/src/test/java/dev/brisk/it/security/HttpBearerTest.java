package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBearer;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.it.security.Auth.answers;

/** HTTP Bearer: the token reaches the handler; every failure has FastAPI 0.122+'s answer with RFC 6750's code. */
@BriskTest
class HttpBearerTest {
    static final HttpBearer BEARER = HttpBearer.create().bearerFormat("JWT");

    public static class Routes {
        @Get("/echo")
        public String echo(BearerToken token) {
            if (!token.matches("good.jwt.sig")) throw token.invalid("Token expired");
            return "ok";
        }
    }

    static App app() {
        return App.builder().security(BEARER).include(new Routes()).build();
    }

    TestClient client;

    private dev.brisk.test.TestResponse get(String authorization) {
        return client.request("GET", "/echo").header("Authorization", authorization).send();
    }

    @Test
    void aTokenIsGivenToTheHandler() {
        dev.brisk.test.BriskAssertions.assertThat(get("Bearer good.jwt.sig")).hasStatus(200).hasText("ok");
    }

    @Test
    void missingOrForeignCredentialsAnswerTheBareChallenge() {
        answers(client.get("/echo"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
        answers(get("Digest x=1"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
        answers(get("xyz"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
    }

    @Test
    void aBearerWithoutATokenIsAnInvalidRequest() {
        answers(get("Bearer"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer error=\"invalid_request\"");
        answers(get("Bearer a b"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer error=\"invalid_request\"");
    }

    @Test
    void aRejectedTokenIsAnInvalidTokenWithTheAppsDetail() {
        answers(get("Bearer bad.jwt.sig"), 401, "{\"detail\":\"Token expired\"}", "Bearer error=\"invalid_token\"");
    }
}
