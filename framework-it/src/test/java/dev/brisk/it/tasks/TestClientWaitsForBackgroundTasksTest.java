package dev.brisk.it.tasks;

import dev.brisk.App;
import dev.brisk.BackgroundTasks;
import dev.brisk.Post;
import dev.brisk.test.ServerException;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TestClient returns a response once its background tasks have run, and re-raises their failures (like Starlette's). */
class TestClientWaitsForBackgroundTasksTest {
    static final AtomicInteger DONE = new AtomicInteger();

    public static class Routes {
        @Post("/slow-task")
        public String slow(BackgroundTasks tasks) {
            tasks.add(() -> {
                Thread.sleep(200);
                DONE.incrementAndGet();
            });
            return "ok";
        }

        @Post("/failing-task")
        public String failing(BackgroundTasks tasks) {
            tasks.add(() -> {
                throw new IllegalStateException("task broke");
            });
            return "ok";
        }

        @Post("/checked-failure")
        public String checked(BackgroundTasks tasks) {
            tasks.add(() -> {
                throw new IOException("disk full");
            });
            return "ok";
        }
    }

    private static App app() {
        return App.builder().docs(false).include(new Routes()).build();
    }

    @Test
    void theResponseComesBackAfterTheTasks() {
        DONE.set(0);
        try (var client = TestClient.of(app())) {
            assertThat(client.post("/slow-task", null).text()).isEqualTo("ok");
            assertThat(DONE.get()).isEqualTo(1);
            assertThat(client.post("/slow-task", null).text()).isEqualTo("ok");
            assertThat(DONE.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailingTaskIsReRaisedInTheTest() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.post("/failing-task", null)).isInstanceOf(IllegalStateException.class).hasMessage("task broke");
            assertThatThrownBy(() -> client.post("/checked-failure", null)).isInstanceOf(ServerException.class).hasRootCauseMessage("disk full");
        }
    }

    @Test
    void withoutReRaisingTheResponseIsReturned() {
        try (var client = TestClient.of(app(), TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(client.post("/failing-task", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aTaskLongerThanTheClientTimeoutFailsTheRequest() {
        try (var client = TestClient.of(app(), TestClient.Options.defaults().timeout(Duration.ofMillis(50)))) {
            assertThatThrownBy(() -> client.post("/slow-task", null)).isInstanceOf(AssertionError.class).hasMessageContaining("background tasks");
        }
    }
}
