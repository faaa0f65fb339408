package dev.brisk.test.docs;

// tag::async-test[]
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncAppTest {
    @Test
    void root() {
        try (var client = TestClient.of(AsyncApp.app())) {
            var response = client.get("/");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json(AsyncApp.Message.class).message()).isEqualTo("Tomato");
        }
    }
}
// end::async-test[]
