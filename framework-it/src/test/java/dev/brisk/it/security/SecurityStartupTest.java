package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.StartupException;
import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BearerToken;
import dev.brisk.security.Credentials;
import dev.brisk.security.HttpBearer;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScopes;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Security configurations that cannot work, or would not do what they say, fail startup with a message. */
class SecurityStartupTest {
    public static class TokenRoute {
        @Get("/t")
        public String t(BearerToken token) {
            return token.value();
        }
    }

    public static class CredentialsRoute {
        @Get("/c")
        public String c(Credentials c) {
            return "x";
        }
    }

    public static class UncheckedScopes {
        @Get("/admin")
        @Scopes("admin")
        public String admin(BearerToken token) {
            return "never checked";
        }
    }

    public static class CheckedScopes {
        @Provides
        public static String user(BearerToken token, SecurityScopes scopes) {
            return "u";
        }

        @Get("/admin")
        @Scopes("admn")
        public String admin(String user) {
            return user;
        }
    }

    @Test
    void twoDifferentSchemesWithOneNameFail() {
        assertThatThrownBy(() -> App.builder().security(ApiKeyHeader.named("X-A").name("key"), ApiKeyQuery.named("a").name("key")).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("two different security schemes are named \"key\"");
        assertThatThrownBy(() -> App.builder().security(HttpBearer.create(), AnyOf.of(HttpBearer.create().bearerFormat("JWT"), ApiKeyHeader.named("X"))).build())
                .isInstanceOf(StartupException.class).hasMessageContaining("named \"HTTPBearer\"");
    }

    @Test
    void theSameSchemeTwiceIsOneScheme() {
        try (var client = TestClient.of(App.builder().security(HttpBearer.create(), HttpBearer.create())
                .security(AnyOf.of(HttpBearer.create(), ApiKeyHeader.named("X"))).include(new TokenRoute()).build())) {
            assertThat(client.request("GET", "/t").header("Authorization", "Bearer ok").send().text()).isEqualTo("ok");
        }
    }

    @Test
    void credentialsWithoutARegisteredSchemeFail() {
        assertThatThrownBy(() -> App.builder().include(new TokenRoute()).build()).isInstanceOf(StartupException.class)
                .hasMessageContaining("no security scheme gives BearerToken; register the scheme with App.builder().security(...)");
        assertThatThrownBy(() -> App.builder().security(HttpBearer.create()).include(new CredentialsRoute()).build())
                .isInstanceOf(StartupException.class).hasMessageContaining("Credentials come from an AnyOf");
    }

    @Test
    void twoSchemesOfOneCredentialTypeNeedAQualifier() {
        assertThatThrownBy(() -> App.builder().security(HttpBearer.create(), OAuth2PasswordBearer.tokenUrl("/token"))
                .include(new TokenRoute()).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("2 providers of dev.brisk.security.BearerToken")
                .hasMessageContaining("@Depends(\"qualifier\")");
    }

    @Test
    void scopesThatNothingChecksFail() {
        assertThatThrownBy(() -> App.builder().security(HttpBearer.create()).include(new UncheckedScopes()).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("needs scopes [admin], but none of its dependencies takes SecurityScopes");
    }

    @Test
    void scopesTheOAuthSchemeDoesNotDeclareFail() {
        assertThatThrownBy(() -> App.builder().security(OAuth2PasswordBearer.tokenUrl("/token").scope("admin", "Admin"))
                .include(new CheckedScopes()).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("needs scope \"admn\", which [OAuth2PasswordBearer (declares [admin])] does not declare");
    }

    @Test
    void badSchemeOptionsFailAtOnce() {
        assertThatThrownBy(() -> OAuth2PasswordBearer.tokenUrl("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OAuth2PasswordBearer.tokenUrl("/t").scope("a b", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 6749");
        assertThatThrownBy(() -> HttpBearer.create().name("my scheme")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component names");
        assertThatThrownBy(() -> ApiKeyHeader.named("X Key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnyOf.of(HttpBearer.create(), HttpBearer.create())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnyOf.of(AnyOf.of(HttpBearer.create(), ApiKeyHeader.named("X")), ApiKeyQuery.named("k")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
