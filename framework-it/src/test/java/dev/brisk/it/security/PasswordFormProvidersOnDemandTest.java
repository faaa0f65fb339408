package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.OAuth2PasswordRequestFormStrict;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2 password forms' built-in providers are read and compiled only in an app that asks for a form
 * (start-up work no other app pays), whether a route, a provider or a constructor asks.
 */
class PasswordFormProvidersOnDemandTest {
    public static class Plain {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    public static class StrictRoute {
        @Post("/strict")
        public String strict(OAuth2PasswordRequestFormStrict form) {
            return form.username();
        }
    }

    /** A provider that needs the form: the form's provider is registered while providers are resolved. */
    public static class ThroughAProvider {
        public record User(String name) {
        }

        @Provides
        public User user(OAuth2PasswordRequestForm form) {
            return new User(form.username());
        }

        @Post("/who")
        public String who(@Depends User user) {
            return user.name();
        }
    }

    private static List<String> formProviders(App app) {
        return AppRuntime.of(app).model().providers().stream().map(ProviderDef::type)
                .filter(t -> t == OAuth2PasswordRequestForm.class || t == OAuth2PasswordRequestFormStrict.class)
                .map(Class::getSimpleName).sorted().toList();
    }

    @Test
    void anAppThatAsksForNoFormHasNoFormProviders() {
        assertThat(formProviders(App.builder().include(new Plain()).build())).isEmpty();
    }

    @Test
    void aRouteAskingForOneFormRegistersBothAndIsServed() {
        var app = App.builder().include(new StrictRoute()).build();
        assertThat(formProviders(app)).containsExactly("OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict");
        try (var client = TestClient.of(app)) {
            assertThat(client.request("POST", "/strict").form(Map.of("grant_type", "password", "username", "ann", "password", "x")).send())
                    .hasStatus(200).hasText("ann");
            assertThat(client.request("POST", "/strict").form(Map.of("username", "ann", "password", "x")).send()).hasStatus(422);
        }
    }

    @Test
    void aProviderAskingForAFormIsResolvedAndServed() {
        var app = App.builder().include(new ThroughAProvider()).build();
        assertThat(formProviders(app)).contains("OAuth2PasswordRequestForm");
        try (var client = TestClient.of(app)) {
            assertThat(client.request("POST", "/who").form(Map.of("username", "bo", "password", "x")).send())
                    .hasStatus(200).hasText("bo");
        }
    }
}
