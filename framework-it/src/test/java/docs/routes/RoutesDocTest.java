package docs.routes;

import dev.brisk.App;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;

class RoutesDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/routes.md");
    }

    @Test
    void behavesAsDocumented() {
        try (var c = TestClient.of(App.builder().include(new Reports()).build())) {
            assertThat(c.get("/reports/sales")).hasJsonBody("{\"name\":\"sales\",\"rows\":42}");
            assertThat(c.get("/reports/sales/fast")).hasJsonBody("{\"name\":\"sales\",\"rows\":42}");
            assertThat(c.get("/reports/combined")).hasJsonBody("[{\"name\":\"a\",\"rows\":42},{\"name\":\"b\",\"rows\":42}]");
            assertThat(c.delete("/reports/old")).hasStatus(204);
            assertThat(c.delete("/reports/locked")).hasStatus(409).hasHeader("Retry-After", "60")
                    .hasJsonBody("{\"detail\":\"Report is locked\"}");
            assertThat(c.get("/reports/q1/download")).hasStatus(200).hasHeader("content-type", "text/csv")
                    .hasHeader("Content-Disposition", "attachment; filename=\"q1.csv\"").hasText("report q1");
        }
    }

    @Test
    void backgroundTasksRunAfterTheResponse() {
        var signups = new Signups();
        try (var c = TestClient.of(App.builder().include(signups).build())) {
            assertThat(c.post("/signup?email=ann@example.com", null)).hasStatus(202).hasJsonBody("{\"status\":\"queued\"}");
            org.assertj.core.api.Assertions.assertThat(signups.outbox).containsExactly("welcome ann@example.com");
        }
    }
}
