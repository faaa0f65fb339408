package dev.brisk.examples.hello;

import dev.brisk.App;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;

@BriskTest
class HelloAppTest {
    @BriskApp
    static App app() {
        return HelloApp.app();
    }

    TestClient client;

    @Test
    void syncAndAsyncHandlersAnswer() {
        assertThat(client.get("/sync")).hasStatus(200).hasJsonBody("{\"result\":\"Sync handler complete\"}");
        assertThat(client.get("/async")).hasStatus(200).hasJsonBody("{\"result\":\"Async handler complete\"}");
    }

    @Test
    void resources() {
        assertThat(client.get("/resource/1")).hasJsonBody("{\"id\":1,\"name\":\"first\"}");
        assertThat(client.get("/resource/9")).hasStatus(404).hasJsonBody("{\"detail\":\"Resource not found\"}");
        assertThat(client.get("/resource/x")).hasValidationError("int_parsing", "path", "id");
    }
}
