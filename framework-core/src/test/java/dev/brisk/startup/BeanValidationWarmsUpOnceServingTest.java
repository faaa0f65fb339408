package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.http.StopSignal;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation (Hibernate Validator and the metadata of the validated types) is built in the background
 * once a server is about to serve, not while the app is built: there it would compete with the start and
 * the first request for the CPU. A request that validates earlier builds what it needs itself.
 */
class BeanValidationWarmsUpOnceServingTest {
    public record Order(@Positive int quantity) {
    }

    public static class Validated {
        @Post("/orders")
        public Order create(Order order, @Query @Positive int copies) {
            return order;
        }
    }

    public static class Unvalidated {
        @Post("/echo")
        public String echo(String body) {
            return body;
        }
    }

    @Test
    void buildingTheAppDoesNotStartIt() throws InterruptedException {
        var app = App.builder().include(new Validated()).docs(false).build();
        Thread.sleep(800);
        assertThat(AppRuntime.of(app).compiled().validationWarmedUp()).as("no server: no warm-up").isNotDone();
    }

    @Test
    void itRunsSoonAfterAServerStartsWithoutARequest() throws Exception {
        var app = App.builder().include(new Validated()).docs(false).build();
        try (var server = app.start("127.0.0.1", 0)) {
            AppRuntime.of(app).compiled().validationWarmedUp().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAppThatStopsBeforeItBeginsDropsIt() throws Exception {
        var runtime = AppRuntime.of(App.builder().include(new Validated()).docs(false).build());
        runtime.compiled().warmUp(Duration.ofHours(1));
        runtime.stopSignal().fire(StopSignal.Reason.RELOAD);
        // Dropped at once, not after its delay: a replaced dev-mode generation is not kept reachable by it.
        runtime.compiled().validationWarmedUp().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAppWithoutConstraintsHasNone() {
        var app = App.builder().include(new Unvalidated()).docs(false).build();
        assertThat(AppRuntime.of(app).compiled().validationWarmedUp()).isDone();
    }
}
