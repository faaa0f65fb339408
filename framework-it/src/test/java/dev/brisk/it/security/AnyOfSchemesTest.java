package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.Credentials;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.brisk.it.security.Auth.answers;
import static dev.brisk.it.security.Auth.basic;

/** Any of several schemes: the first with credentials wins; none: 401 with every scheme's challenge. */
@BriskTest
class AnyOfSchemesTest {
    static final AnyOf ANY = AnyOf.of(HttpBearer.create(), HttpBasic.create().realm("r"), ApiKeyQuery.named("key"));

    public static class Routes {
        @Get("/who")
        public String who(Credentials c) {
            if (c instanceof BearerToken t) return "bearer " + t.value();
            if (c instanceof BasicCredentials b) return "basic " + b.username();
            return "key " + ((ApiKey) c).value();
        }

        @Get("/maybe")
        public String maybe(Optional<Credentials> c) {
            return c.map(x -> x.scheme().name()).orElse("anonymous");
        }

        @Get("/strict")
        public String strict(Credentials c) {
            throw c.invalid();
        }
    }

    static App app() {
        return App.builder().security(ANY).include(new Routes()).build();
    }

    TestClient client;

    @Test
    void eachSchemeIsAccepted() {
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/who").header("Authorization", "Bearer t1").send()).hasText("bearer t1");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/who").header("Authorization", basic("ann:pw")).send()).hasText("basic ann");
        dev.brisk.test.BriskAssertions.assertThat(client.get("/who?key=k9")).hasText("key k9");
    }

    @Test
    void theFirstSchemeWithCredentialsWins() {
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/who?key=k9").header("Authorization", "Bearer t1").send())
                .hasText("bearer t1");
    }

    @Test
    void withoutCredentialsEverySchemeIsChallenged() {
        answers(client.get("/who"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer", "Basic realm=\"r\"", "APIKey");
        answers(client.request("GET", "/who").header("Authorization", "Digest x").send(), 401, "{\"detail\":\"Not authenticated\"}",
                "Bearer", "Basic realm=\"r\"", "APIKey");
    }

    @Test
    void malformedCredentialsFailEvenWhenAnotherSchemeHasGoodOnes() {
        answers(client.request("GET", "/who?key=k9").header("Authorization", "Bearer a b").send(), 401,
                "{\"detail\":\"Not authenticated\"}", "Bearer error=\"invalid_request\"", "Basic realm=\"r\"", "APIKey");
    }

    @Test
    void optionalAnyOfIsEmptyWithoutCredentials() {
        dev.brisk.test.BriskAssertions.assertThat(client.get("/maybe")).hasStatus(200).hasText("anonymous");
        dev.brisk.test.BriskAssertions.assertThat(client.get("/maybe?key=x")).hasText("APIKeyQuery");
    }

    @Test
    void rejectingTheWinnerUsesItsChallenge() {
        answers(client.get("/strict?key=x"), 401, "{\"detail\":\"Invalid authentication credentials\"}", "APIKey");
        answers(client.request("GET", "/strict").header("Authorization", "Bearer t").send(), 401,
                "{\"detail\":\"Invalid authentication credentials\"}", "Bearer error=\"invalid_token\"");
    }
}
