package dev.brisk.test.docs;

// tag::override-test[]
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileAppTest {
    @Test
    void meReturnsTheCurrentUser() {
        try (var client = TestClient.of(ProfileApp.app())) {
            client.override(ProfileApp.User.class, () -> new ProfileApp.User("alice"));

            var response = client.get("/me");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json(ProfileApp.User.class).name()).isEqualTo("alice");
        }
    }

    @Test
    void meWithABadTokenIsRefused() {
        try (var client = TestClient.of(ProfileApp.app())) {
            var response = client.request("GET", "/me").header("Authorization", "Bearer guess").send();
            assertThat(response.status()).isEqualTo(401);
        }
    }
}
// end::override-test[]
