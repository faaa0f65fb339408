package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Form;
import dev.brisk.Post;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

class FormParamsTest {
    public static class Routes {
        @Post("/login")
        public String login(@Form String username, @Form String password, @Form(defaultValue = "false") boolean remember, @Form List<String> scope) {
            return username + ":" + password.length() + ":" + remember + ":" + scope;
        }
    }

    @Test
    void formFieldsBindAndValidate() {
        try (var c = TestClient.of(App.builder().include(new Routes()).build())) {
            assertThat(c.request("POST", "/login").form(Map.of("username", "ann", "password", "p w&")).send()).hasText("ann:4:false:[]");
            assertThat(c.request("POST", "/login").body("username=a&password=b&remember=on&scope=x&scope=y",
                    "application/x-www-form-urlencoded").send()).hasText("a:1:true:[x, y]");
            assertThat(c.request("POST", "/login").form(Map.of("username", "ann")).send()).hasValidationError("missing", "body", "password");
            assertThat(c.request("POST", "/login").body("{}", "application/json").send()).hasStatus(415);
        }
    }
}
