package dev.brisk.test.docs;

// tag::server-errors-test[]
import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerErrorsTest {
    static App app() {
        return App.builder()
                .route("GET", "/boom", request -> { throw new IllegalStateException("boom"); })
                .build();
    }

    @Test
    void theAppsExceptionFailsTheTest() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.get("/boom"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("boom");
        }
    }

    @Test
    void orThe500IsReturned() {
        var options = TestClient.Options.defaults().raiseServerExceptions(false);
        try (var client = TestClient.of(app(), options)) {
            var response = client.get("/boom");
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().get("detail").asText()).isEqualTo("Internal Server Error");
        }
    }
}
// end::server-errors-test[]
