package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Request;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BriskTest
class DependenciesTest {
    public record Paging(int skip, int limit) {
    }

    public record User(String name) {
    }

    public record Counter(int value) {
    }

    public record Greeting(String text) {
    }

    static final AtomicInteger COUNTER_CALLS = new AtomicInteger();

    public static class Providers {
        @Provides
        public Paging paging(@Query(defaultValue = "0") @Min(0) int skip, @Query(defaultValue = "10") int limit) {
            return new Paging(skip, limit);
        }

        @Provides
        public static User user(@Header String authorization) {
            if (!authorization.startsWith("Bearer ")) throw new HttpException(401, "Not authenticated");
            return new User(authorization.substring(7));
        }

        @Provides
        public static Counter counter() {
            return new Counter(COUNTER_CALLS.incrementAndGet());
        }

        @Provides
        public static CompletableFuture<Greeting> greeting(@Depends User user, Request request) {
            return Async.sleep(Duration.ofMillis(5)).thenApply(v -> new Greeting("hello " + user.name() + " via " + request.method()));
        }
    }

    public static class Routes {
        @Get("/paged")
        public Paging paged(@Depends Paging paging) {
            return paging;
        }

        @Get("/me")
        public User me(@Depends User user) {
            return user;
        }

        @Get("/cached")
        public String cached(@Depends Counter a, @Depends Counter b, @Depends(useCache = false) Counter c) {
            return a.value() + "," + b.value() + "," + c.value();
        }

        @Get("/greet")
        public CompletableFuture<String> greet(@Depends Greeting greeting) {
            return CompletableFuture.completedFuture(greeting.text());
        }

        @Get("/greet-sync")
        public String greetSync(@Depends Greeting greeting) {
            return greeting.text();
        }

        @Get("/both")
        public String both(@Depends Paging paging, int page) {
            return paging.limit() + ":" + page;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Providers()).include(new Routes()).build();
    }

    TestClient client;

    @BeforeEach
    void reset() {
        COUNTER_CALLS.set(0);
    }

    @Test
    void providerParametersAreBoundLikeAHandlers() {
        assertThat(client.get("/paged?skip=5")).hasJsonBody("{\"skip\":5,\"limit\":10}");
    }

    @Test
    void providerErrorsJoinTheRoutesErrors() {
        assertThat(client.get("/both?skip=-1&limit=x")).hasStatus(422)
                .hasValidationError("int_parsing", "query", "limit")
                .hasValidationError("missing", "query", "page");
        assertThat(client.get("/paged?skip=-1")).hasValidationError("min", "query", "skip");
    }

    @Test
    void providerMayRaiseHttpErrors() {
        assertThat(client.request("GET", "/me").header("Authorization", "Basic x").send()).hasStatus(401)
                .hasJsonBody("{\"detail\":\"Not authenticated\"}");
        assertThat(client.request("GET", "/me").header("Authorization", "Bearer ann").send()).hasJsonBody("{\"name\":\"ann\"}");
        assertThat(client.get("/me")).hasValidationError("missing", "header", "authorization");
    }

    @Test
    void oneCallPerRequestUnlessCacheIsOff() {
        assertThat(client.get("/cached")).hasText("1,1,2");
        assertThat(client.get("/cached")).hasText("3,3,4");
    }

    @Test
    void asyncProvidersAreAwaitedOnTheLoopAndOnWorkers() {
        assertThat(client.request("GET", "/greet").header("Authorization", "Bearer bo").send()).hasText("hello bo via GET");
        assertThat(client.request("GET", "/greet-sync").header("Authorization", "Bearer bo").send()).hasText("hello bo via GET");
    }

    @Test
    void overridesReplaceProviders() {
        try (var c = TestClient.of(App.builder().include(new Providers()).include(new Routes()).build())) {
            c.override(User.class, () -> new User("fake"));
            assertThat(c.get("/me")).hasStatus(200).hasJsonBody("{\"name\":\"fake\"}");
        }
    }

    @Test
    void appLevelOverride() {
        var app = App.builder().include(new Providers()).include(new Routes()).build();
        app.overrideProvider(Counter.class, () -> new Counter(99));
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/cached")).hasText("99,99,99");
            app.clearOverrides();
            assertThat(c.get("/cached")).hasText("1,1,2");
        }
    }
}
