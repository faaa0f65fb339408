package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, passwords and API keys never reach a log line or an error body, and the route model marks
 * the parameters that carry them, for whatever logs or caches requests.
 */
class CredentialsNeverLoggedTest {
    static final HttpBearer BEARER = HttpBearer.create();

    public static class Routes {
        @Get("/boom")
        public String boom(BearerToken token, ApiKey key) {
            throw new IllegalStateException("failed for " + token + " and " + key);
        }
    }

    @Test
    void aFailingRouteLogsNoCredential() {
        var captured = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (var client = TestClient.of(App.builder().docs(false).security(BEARER, ApiKeyQuery.named("key")).include(new Routes()).build(),
                TestClient.Options.defaults().raiseServerExceptions(false))) {
            var r = client.request("GET", "/boom?key=k-s3cret").header("Authorization", "Bearer t-s3cret").send();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).doesNotContain("s3cret");
        } finally {
            System.setErr(old);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("failed for BearerToken[HTTPBearer, <redacted>] and ApiKey[APIKeyQuery, <redacted>]")
                .doesNotContain("s3cret");
    }

    @Test
    void credentialsDoNotShowInToString() {
        assertThat(BearerToken.of(BEARER, "t-s3cret").toString()).doesNotContain("s3cret");
        assertThat(BasicCredentials.of(HttpBasic.create(), "ann", "p-s3cret").toString()).contains("ann").doesNotContain("s3cret");
        assertThat(ApiKey.of(ApiKeyQuery.named("key"), "k-s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void theRouteModelMarksTheCredentialParameters() {
        var app = App.builder().docs(false).security(BEARER, ApiKeyQuery.named("key")).include(new Routes()).build();
        var route = AppRuntime.of(app).model().routes().get(0);
        assertThat(route.credentialParams()).extracting(ParamDef::kind, ParamDef::wireName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ParamKind.HEADER, "authorization"),
                        org.assertj.core.groups.Tuple.tuple(ParamKind.QUERY, "key"));
        assertThat(route.allWireParams()).allMatch(ParamDef::credential);
    }
}
