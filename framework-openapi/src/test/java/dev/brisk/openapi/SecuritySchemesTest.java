package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.Credentials;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScopes;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.brisk.openapi.Docs.op;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security the route model gives each route, in the document: every scheme in
 * {@code components.securitySchemes}, each operation's requirements (together / alternatives /
 * optional), OAuth2 scopes, and no credential listed as a parameter.
 */
class SecuritySchemesTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/token")
            .scope("items:read", "Read items").scope("admin", "Everything").description("Log in with a password");
    static final HttpBearer BEARER = HttpBearer.create().bearerFormat("JWT");
    static final HttpBasic BASIC = HttpBasic.create().realm("r");
    static final ApiKeyHeader KEY = ApiKeyHeader.named("X-API-Key");
    static final AnyOf EITHER = AnyOf.of(BEARER, ApiKeyQuery.named("api_key"));

    public record User(String name) {
    }

    public static class Routes {
        @Provides
        public static User user(@Depends("OAuth2PasswordBearer") BearerToken token, SecurityScopes scopes) {
            return new User("u");
        }

        @Post("/token")
        public String token(OAuth2PasswordRequestForm form) {
            return "t";
        }

        @Get("/me")
        public User me(User user) {
            return user;
        }

        @Get("/admin")
        @Scopes("admin")
        public User admin(@Scopes("items:read") User user) {
            return user;
        }

        @Get("/together")
        public String together(BasicCredentials basic, @Depends("APIKeyHeader") ApiKey key, @Query int page) {
            return "x";
        }

        @Get("/either")
        public String either(Credentials c) {
            return "x";
        }

        @Get("/maybe")
        public String maybe(@Depends("HTTPBearer") Optional<BearerToken> token) {
            return "x";
        }

        @Get("/cookie")
        public String cookie(@Depends("APIKeyCookie") ApiKey key) {
            return "x";
        }

        @Get("/open")
        public String open() {
            return "x";
        }
    }

    static JsonNode doc() {
        return Docs.of(App.builder().title("Test").version("1.0.0")
                .security(OAUTH, BEARER, BASIC, KEY, EITHER, ApiKeyCookie.named("session"))
                .include(new Routes()).build());
    }

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    @Test
    void everyUsedSchemeIsAComponent() throws Exception {
        assertThat(doc().path("components").path("securitySchemes")).isEqualTo(json("""
                {"OAuth2PasswordBearer":{"type":"oauth2","description":"Log in with a password",
                   "flows":{"password":{"tokenUrl":"/token","scopes":{"items:read":"Read items","admin":"Everything"}}}},
                 "HTTPBasic":{"type":"http","scheme":"basic"},
                 "APIKeyHeader":{"type":"apiKey","name":"X-API-Key","in":"header"},
                 "HTTPBearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"},
                 "APIKeyQuery":{"type":"apiKey","name":"api_key","in":"query"},
                 "APIKeyCookie":{"type":"apiKey","name":"session","in":"cookie"}}"""));
    }

    @Test
    void oauthRequirementsListTheRoutesScopes() throws Exception {
        var d = doc();
        assertThat(op(d, "GET", "/me").path("security")).isEqualTo(json("[{\"OAuth2PasswordBearer\":[]}]"));
        assertThat(op(d, "GET", "/admin").path("security")).isEqualTo(json("[{\"OAuth2PasswordBearer\":[\"admin\",\"items:read\"]}]"));
    }

    @Test
    void schemesNeededTogetherAreOneRequirement() throws Exception {
        assertThat(op(doc(), "GET", "/together").path("security")).isEqualTo(json("[{\"HTTPBasic\":[],\"APIKeyHeader\":[]}]"));
    }

    @Test
    void anyOfSchemesAreAlternatives() throws Exception {
        assertThat(op(doc(), "GET", "/either").path("security")).isEqualTo(json("[{\"HTTPBearer\":[]},{\"APIKeyQuery\":[]}]"));
    }

    @Test
    void anOptionalSchemeAlsoAcceptsNoCredentials() throws Exception {
        assertThat(op(doc(), "GET", "/maybe").path("security")).isEqualTo(json("[{\"HTTPBearer\":[]},{}]"));
    }

    @Test
    void routesWithoutSchemesHaveNoSecurity() {
        var d = doc();
        assertThat(op(d, "GET", "/open").has("security")).isFalse();
        assertThat(op(d, "POST", "/token").has("security")).isFalse();
    }

    @Test
    void credentialsAreNotParametersAndNeverAnswer422() {
        var d = doc();
        assertThat(op(d, "GET", "/me").has("parameters")).isFalse();
        assertThat(op(d, "GET", "/me").path("responses").has("422")).isFalse();
        assertThat(op(d, "GET", "/cookie").has("parameters")).isFalse();
        var together = op(d, "GET", "/together");
        assertThat(together.path("parameters")).hasSize(1);
        assertThat(together.path("parameters").get(0).path("name").asText()).isEqualTo("page");
        assertThat(together.path("responses").has("422")).isTrue();
    }

    @Test
    void thePasswordFormMasksItsSecrets() {
        var d = doc();
        String ref = op(d, "POST", "/token").path("requestBody").path("content").path("application/x-www-form-urlencoded")
                .path("schema").path("$ref").asText();
        var form = d.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(form.path("required")).extracting(JsonNode::asText).containsExactly("username", "password");
        assertThat(form.path("properties").path("password").path("format").asText()).isEqualTo("password");
        assertThat(form.path("properties").path("client_secret").path("format").asText()).isEqualTo("password");
        assertThat(form.path("properties").path("username").has("format")).isFalse();
        assertThat(form.path("properties").path("grant_type").toString()).contains("^password$");
    }

    @Test
    void securedOperationsDocumentTheirAuthenticationAnswers() throws Exception {
        var d = doc();
        var detail = json("{\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"detail\":{\"type\":\"string\"}},\"required\":[\"detail\"]}}}}");
        var me = op(d, "GET", "/me").path("responses");
        assertThat(me.path("401").path("description").asText()).isEqualTo("Not authenticated");
        assertThat(me.path("401").path("content")).isEqualTo(detail.path("content"));
        assertThat(me.has("403")).isFalse();
        var admin = op(d, "GET", "/admin").path("responses");
        assertThat(admin.path("403").path("description").asText()).isEqualTo("Not enough permissions");
        assertThat(op(d, "GET", "/open").path("responses").has("401")).isFalse();
        var legacy = Docs.of(App.builder().security(HttpBearer.create().legacyErrors()).include(new LegacyRoute()).build());
        assertThat(op(legacy, "GET", "/legacy").path("responses").path("403").path("description").asText()).isEqualTo("Not authenticated");
        assertThat(op(legacy, "GET", "/legacy").path("responses").has("401")).isFalse();
    }

    public static class LegacyRoute {
        @Get("/legacy")
        public String legacy(BearerToken token) {
            return "x";
        }
    }

    @dev.brisk.Router(prefix = "/internal", dependencies = ApiKey.class)
    public static class Internal {
        @Get("/stats")
        public String stats() {
            return "x";
        }
    }

    @Test
    void aRouterDependencyOnASchemeSecuresEachRoute() throws Exception {
        var d = Docs.of(App.builder().security(KEY).include(new Internal()).build());
        assertThat(op(d, "GET", "/internal/stats").path("security")).isEqualTo(json("[{\"APIKeyHeader\":[]}]"));
        assertThat(d.path("components").path("securitySchemes").has("APIKeyHeader")).isTrue();
    }

    @Test
    void anAppWithoutSchemesHasNoSecuritySchemes() {
        var d = Docs.of(new Object[] {});
        assertThat(d.path("components").has("securitySchemes")).isFalse();
    }
}
