package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Responds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A {@code @Responds} that is no HTTP status, is declared twice, or repeats the route's success status fails {@code build()}. */
class RespondsFailuresTest {
    public static class NotAStatus {
        @Get("/x")
        @Responds(status = 42)
        public String x() {
            return "";
        }
    }

    public static class Twice {
        @Get("/x")
        @Responds(status = 404, description = "a")
        @Responds(status = 404, description = "b")
        public String x() {
            return "";
        }
    }

    public static class Success {
        @Post(value = "/x", status = 201)
        @Responds(status = 201, description = "Created")
        public String x() {
            return "";
        }
    }

    @Responds(status = 204)
    public static class RouterSuccess {
        @Get("/x")
        public void x() {
        }
    }

    @Responds(status = 404, description = "router")
    public static class Overridden {
        @Get("/x")
        @Responds(status = 404, description = "route")
        public String x() {
            return "";
        }
    }

    @Test
    void failures() {
        assertThatThrownBy(() -> App.builder().include(new NotAStatus()).build())
                .hasMessageContaining("NotAStatus.x()").hasMessageContaining("@Responds(status = 42) is not an HTTP status");
        assertThatThrownBy(() -> App.builder().include(new Twice()).build())
                .hasMessageContaining("Twice.x()").hasMessageContaining("@Responds(status = 404) is declared twice");
        assertThatThrownBy(() -> App.builder().include(new Success()).build())
                .hasMessageContaining("Success.x()").hasMessageContaining("the route's own success status");
        assertThatThrownBy(() -> App.builder().include(new RouterSuccess()).build())
                .hasMessageContaining("class " + RouterSuccess.class.getName()).hasMessageContaining("the route's own success status");
    }

    @Test
    void aRouteMayRedeclareItsRoutersStatus() {
        assertThatNoException().isThrownBy(() -> App.builder().include(new Overridden()).build());
    }
}
