package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Post;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.OAuth2PasswordRequestFormStrict;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth2 password forms: fields, scope splitting, grant_type rules, the strict variant, secret fields. */
@BriskTest
class PasswordFormTest {
    public static class Routes {
        @Post("/token")
        public Map<String, Object> token(OAuth2PasswordRequestForm form) {
            var m = new LinkedHashMap<String, Object>();
            m.put("username", form.username());
            m.put("password", form.password());
            m.put("scopes", form.scopes());
            m.put("grant_type", form.grantType().orElse(null));
            m.put("client_id", form.clientId().orElse(null));
            m.put("client_secret", form.clientSecret().orElse(null));
            return m;
        }

        @Post("/strict")
        public String strict(OAuth2PasswordRequestFormStrict form) {
            return form.grantType() + " " + form.username();
        }
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    private dev.brisk.test.TestResponse post(String path, Map<String, String> fields) {
        return client.request("POST", path).form(fields).send();
    }

    @Test
    void readsEveryField() {
        assertThat(post("/token", Map.of("username", "a", "password", "b", "scope", " x  y\tz ")))
                .hasStatus(200).hasJsonBody("{\"username\":\"a\",\"password\":\"b\",\"scopes\":[\"x\",\"y\",\"z\"],"
                        + "\"grant_type\":null,\"client_id\":null,\"client_secret\":null}");
        var all = new LinkedHashMap<String, String>();
        all.put("grant_type", "password");
        all.put("username", "a");
        all.put("password", "b");
        all.put("client_id", "c");
        all.put("client_secret", "s");
        assertThat(post("/token", all)).hasStatus(200).hasJsonBody("{\"username\":\"a\",\"password\":\"b\",\"scopes\":[],"
                + "\"grant_type\":\"password\",\"client_id\":\"c\",\"client_secret\":\"s\"}");
    }

    @Test
    void grantTypeMustBePassword() {
        assertThat(post("/token", Map.of("username", "a", "password", "b", "grant_type", "client_credentials"))).hasStatus(422)
                .hasJsonBody("{\"detail\":[{\"type\":\"pattern\",\"loc\":[\"body\",\"grant_type\"],"
                        + "\"msg\":\"String should match pattern '^password$'\",\"input\":\"client_credentials\",\"ctx\":{\"regexp\":\"^password$\"}}]}");
    }

    @Test
    void usernameAndPasswordAreRequired() {
        assertThat(post("/token", Map.of())).hasStatus(422).hasJsonBody("{\"detail\":["
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],\"msg\":\"Field required\",\"input\":null},"
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void theStrictFormRequiresGrantType() {
        assertThat(post("/strict", Map.of("username", "a", "password", "b"))).hasStatus(422)
                .hasValidationError("missing", "body", "grant_type");
        assertThat(post("/strict", Map.of("username", "a", "password", "b", "grant_type", "password"))).hasStatus(200).hasText("password a");
    }

    @Test
    void aJsonBodyIsNotAForm() {
        assertThat(client.request("POST", "/token").json(Map.of("username", "a", "password", "b")).send()).hasStatus(415);
    }

    @Test
    void thePasswordAndClientSecretAreCredentialsInTheRouteModel() {
        var route = AppRuntime.of(app()).model().routes().stream().filter(r -> r.path().equals("/token")).findFirst().orElseThrow();
        assertThat(route.credentialParams()).extracting(ParamDef::wireName).containsExactly("password", "client_secret");
        assertThat(route.allWireParams()).extracting(ParamDef::wireName)
                .containsExactly("grant_type", "username", "password", "scope", "client_id", "client_secret");
    }

    @Test
    void toStringNeverShowsTheSecrets() {
        var form = new OAuth2PasswordRequestForm(java.util.Optional.empty(), "ann", "pw-123", List.of("a"),
                java.util.Optional.of("cid"), java.util.Optional.of("cs-456"));
        assertThat(form.toString()).contains("ann").doesNotContain("pw-123").doesNotContain("cs-456");
    }
}
