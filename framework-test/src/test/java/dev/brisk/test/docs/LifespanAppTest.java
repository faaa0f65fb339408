package dev.brisk.test.docs;

// tag::lifespan-test[]
import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifespanAppTest {
    @Test
    void startupRunsOnOpenAndShutdownOnClose() {
        var routes = new LifespanApp();
        var app = App.builder().include(routes).build();
        assertThat(routes.items).isEmpty();

        try (var client = TestClient.of(app)) {        // @OnStartup ran
            assertThat(client.get("/items/foo").text()).isEqualTo("Fighters");
        }                                               // @OnShutdown ran

        assertThat(routes.items).isEmpty();
    }
}
// end::lifespan-test[]
