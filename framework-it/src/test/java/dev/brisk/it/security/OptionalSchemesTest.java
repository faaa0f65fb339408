package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.brisk.it.security.Auth.answers;
import static dev.brisk.it.security.Auth.basic;

/**
 * Optional mode: an {@code Optional} parameter of a scheme's credentials is empty without them, while
 * a plain one on the same request still answers 401; malformed credentials fail in both modes.
 */
@BriskTest
class OptionalSchemesTest {
    public record Visitor(String name) {
    }

    public static class Routes {
        @Provides
        public static Visitor visitor(Optional<BearerToken> token) {
            return new Visitor(token.map(BearerToken::value).orElse("guest"));
        }

        @Get("/hello")
        public String hello(Visitor v) {
            return "hello " + v.name();
        }

        @Get("/basic")
        public String basic(Optional<BasicCredentials> c) {
            return c.map(BasicCredentials::username).orElse("nobody");
        }

        @Get("/key")
        public String key(Optional<ApiKey> key) {
            return key.isPresent() ? "key" : "no key";
        }

        @Get("/both")
        public String both(Visitor v, BearerToken token) {
            return v.name();
        }
    }

    static App app() {
        return App.builder().security(OAuth2PasswordBearer.tokenUrl("/token"), HttpBasic.create(), ApiKeyHeader.named("X-Key"))
                .include(new Routes()).build();
    }

    TestClient client;

    @Test
    void absentCredentialsGiveEmpty() {
        dev.brisk.test.BriskAssertions.assertThat(client.get("/hello")).hasStatus(200).hasText("hello guest");
        dev.brisk.test.BriskAssertions.assertThat(client.get("/basic")).hasStatus(200).hasText("nobody");
        dev.brisk.test.BriskAssertions.assertThat(client.get("/key")).hasStatus(200).hasText("no key");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/key").header("X-Key", "").send()).hasText("no key");
    }

    @Test
    void anotherSchemesCredentialsGiveEmpty() {
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/hello").header("Authorization", basic("a:b")).send())
                .hasStatus(200).hasText("hello guest");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/basic").header("Authorization", "Bearer t").send())
                .hasStatus(200).hasText("nobody");
    }

    @Test
    void presentCredentialsAreGiven() {
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/hello").header("Authorization", "Bearer t").send()).hasText("hello t");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/basic").header("Authorization", basic("ann:pw")).send()).hasText("ann");
    }

    @Test
    void malformedCredentialsStillFail() {
        answers(client.request("GET", "/hello").header("Authorization", "Bearer a b").send(), 401,
                "{\"detail\":\"Not authenticated\"}", "Bearer error=\"invalid_request\"");
        answers(client.request("GET", "/basic").header("Authorization", "Basic !!!!").send(), 401,
                "{\"detail\":\"Not authenticated\"}", "Basic");
    }

    @Test
    void aRequiredUseOnTheSameRequestStillFails() {
        answers(client.get("/both"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/both").header("Authorization", "Bearer t").send()).hasText("t");
    }
}
