package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.Get;
import dev.brisk.RequestId;
import dev.brisk.Router;
import dev.brisk.StartupException;
import dev.brisk.UseMiddleware;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A built-in middleware on one router or route (@UseMiddleware with a provided instance) applies there only. */
class BuiltinMiddlewareScopeTest {
    static final String BIG = "report line\n".repeat(200);

    @Router(prefix = "/reports")
    @UseMiddleware(GZip.class)
    public static class Reports {
        @Get
        public String all() {
            return BIG;
        }
    }

    @Router(prefix = "/raw")
    public static class Raw {
        @Get
        public String all() {
            return BIG;
        }

        @Get("/traced")
        @UseMiddleware(RequestId.class)
        public String traced() {
            return "traced";
        }
    }

    static App app() {
        return App.builder().provide(GZip.class, GZip.create()).provide(RequestId.class, RequestId.create())
                .include(new Reports()).include(new Raw()).build();
    }

    @Test
    void theRoutersBuiltinAppliesToItsRoutesOnly() {
        try (var c = TestClient.of(app())) {
            var reports = c.request("GET", "/reports").header("Accept-Encoding", "gzip").send();
            assertThat(reports).hasHeader("Content-Encoding", "gzip");
            org.assertj.core.api.Assertions.assertThat(Compressed.gunzip(reports.bytes())).isEqualTo(BIG);
            assertThat(c.request("GET", "/raw").header("Accept-Encoding", "gzip").send()).doesNotHaveHeader("Content-Encoding").hasText(BIG);
        }
    }

    @Test
    void theRoutesBuiltinAppliesToItOnly() {
        try (var c = TestClient.of(app())) {
            assertThat(c.get("/raw/traced")).hasHeader("X-Request-ID");
            assertThat(c.get("/raw")).doesNotHaveHeader("X-Request-ID");
            assertThat(c.get("/nowhere")).as("no route, no route middleware").doesNotHaveHeader("X-Request-ID");
        }
    }

    @Test
    void aBuiltinNeedsAProvidedInstance() {
        assertThatThrownBy(() -> App.builder().include(new Reports()).build()).isInstanceOf(StartupException.class)
                .hasMessageContaining("@UseMiddleware(GZip.class) needs a configured instance; provide one with App.builder().provide(GZip.class, ...)");
    }
}
