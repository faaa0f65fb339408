package dev.brisk.test.docs;

// tag::extension-test[]
import dev.brisk.App;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;

@BriskTest
class ItemsBriskTest {
    static App app() {
        return ItemsApp.app();
    }

    @Test
    void readItem(TestClient client) {
        assertThat(client.request("GET", "/items/foo").header("X-Token", "coneofsilence").send())
                .hasStatus(200)
                .hasJsonBody("{'id': 'foo', 'title': 'Foo', 'description': 'There goes my hero'}");
    }

    @Test
    void readItemWithoutToken(TestClient client) {
        assertThat(client.get("/items/foo"))
                .hasValidationError("missing", "header", "x-token");
    }
}
// end::extension-test[]
