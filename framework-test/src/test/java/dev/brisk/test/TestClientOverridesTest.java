package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** client.override(Type, supplier) swaps a dependency for the client's lifetime (FastAPI's dependency_overrides). */
class TestClientOverridesTest {
    record User(String name) {
    }

    record Clock(long now) {
    }

    record Unused(int x) {
    }

    public static class Routes {
        @Get("/me")
        public User me(@Depends User user) {
            return user;
        }

        @Get("/now")
        public long now(@Depends Clock clock) {
            return clock.now();
        }

        @Provides
        public User currentUser(@Header("Authorization") String auth) {
            if (!auth.equals("Bearer real")) throw new HttpException(401, "Not authenticated");
            return new User("real");
        }
    }

    static App app() {
        return App.builder().include(new Routes()).provide(Clock.class, new Clock(1000)).build();
    }

    @Test
    void anOverrideReplacesAProviderMethod() {
        try (var client = TestClient.of(app())) {
            assertThat(client.get("/me")).hasValidationError("missing", "header", "Authorization");
            client.override(User.class, () -> new User("fake"));
            assertThat(client.get("/me")).hasStatus(200).hasJsonBody("{'name': 'fake'}");
        }
    }

    @Test
    void anOverrideReplacesAProvidedSingleton() {
        try (var client = TestClient.of(app()).override(Clock.class, () -> new Clock(42))) {
            assertThat(client.get("/now")).hasText("42");
        }
    }

    @Test
    void theSupplierIsCalledForEveryRequest() {
        var calls = new AtomicInteger();
        try (var client = TestClient.of(app()).override(User.class, () -> new User("u" + calls.incrementAndGet()))) {
            assertThat(client.get("/me").json(User.class).name()).isEqualTo("u1");
            assertThat(client.get("/me").json(User.class).name()).isEqualTo("u2");
        }
    }

    @Test
    void closingTheClientRestoresTheRealProvider() {
        var app = app();
        try (var client = TestClient.of(app)) {
            client.override(User.class, () -> new User("fake"));
            client.override(User.class, () -> new User("faker"));
            assertThat(client.get("/me").json(User.class).name()).isEqualTo("faker");
        }
        try (var client = TestClient.of(app)) {
            assertThat(client.request("GET", "/me").header("Authorization", "Bearer real").send())
                    .hasJsonBody("{'name': 'real'}");
            assertThat(client.request("GET", "/me").header("Authorization", "Bearer nope").send()).hasStatus(401);
        }
    }

    @Test
    void closingTheClientRestoresAnOverrideSetBeforeIt() {
        var app = app();
        app.overrideProvider(User.class, () -> new User("suite-wide"));
        try {
            try (var client = TestClient.of(app).override(User.class, () -> new User("this test"))) {
                assertThat(client.get("/me").json(User.class).name()).isEqualTo("this test");
            }
            try (var client = TestClient.of(app)) {
                assertThat(client.get("/me").json(User.class).name()).isEqualTo("suite-wide");
            }
        } finally {
            app.clearOverrides();
        }
    }

    @Test
    void overridingATypeTheAppDoesNotProvideFails() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.override(Unused.class, () -> new Unused(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Unused.class.getName());
        }
    }

    @Test
    void overridingAfterCloseFails() {
        var client = TestClient.of(app());
        client.close();
        assertThatThrownBy(() -> client.override(User.class, () -> new User("late"))).isInstanceOf(IllegalStateException.class);
    }
}
