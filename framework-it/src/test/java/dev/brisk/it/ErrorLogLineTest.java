package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unhandled exception is logged once, with its stack trace, naming the route once (template and
 * handler) and never the query string (which may carry secrets).
 */
class ErrorLogLineTest {
    public static class Reports {
        @Get("/boom/{id}")
        public String boom(int id) {
            throw new IllegalStateException("report " + id + " broke");
        }
    }

    @Test
    void theRouteIsNamedOnceAndTheQueryStringNever() {
        var captured = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (var client = TestClient.of(App.builder().docs(false).include(new Reports()).build(),
                TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(client.get("/boom/7?api_key=s3cret").status()).isEqualTo(500);
        } finally {
            System.setErr(old);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("Unhandled exception in GET /boom/{id} (Reports.boom)")
                .contains("java.lang.IllegalStateException: report 7 broke")
                .contains("at dev.brisk.it.ErrorLogLineTest$Reports.boom")
                .doesNotContain("s3cret").doesNotContain("GET /boom/7 GET");
        assertThat(log.split("Unhandled exception", -1)).hasSize(2);
    }
}
