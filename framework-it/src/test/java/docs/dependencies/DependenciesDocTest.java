package docs.dependencies;

import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DependenciesDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/dependencies.md");
    }

    @Test
    void behavesAsDocumented() throws Exception {
        try (var client = TestClient.of(Shop.app())) {
            assertThat(client.get("/shop/me")).hasValidationError("missing", "header", "authorization");
            assertThat(client.request("GET", "/shop/me").header("Authorization", "Bearer nope").send()).hasStatus(401);
            assertThat(client.request("GET", "/shop/orders?skip=20").header("Authorization", "Bearer s3cret").send())
                    .hasText("orders 20..30");
            for (int i = 0; i < 100 && Shop.Session.LOG.size() < 2; i++) Thread.sleep(10);
            assertThat(Shop.Session.LOG).containsExactly("open", "close");
        }
    }

    // The override example of the page.
    @Test
    void overrides() {
        try (var client = TestClient.of(Shop.app())) {
            client.override(Shop.User.class, () -> new Shop.User("test-user"));
            assertThat(client.get("/shop/me")).hasStatus(200).hasJsonBody("{\"name\":\"test-user\"}");
        }
    }
}
