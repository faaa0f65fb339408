package dev.brisk.test.docs;

// tag::first-test[]
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstAppTest {
    @Test
    void readsTheRoot() {
        try (var client = TestClient.of(FirstApp.app())) {
            var response = client.get("/");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json(FirstApp.Message.class)).isEqualTo(new FirstApp.Message("Hello World"));
        }
    }
}
// end::first-test[]
