package dev.brisk.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Post;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

class OptionalsTest {
    public record Tag(String label) {
    }

    /** Required exactly as the binder reads it: primitives and @NotNull/@NotBlank/@NotEmpty. */
    public record Profile(int id, Integer score, @NotNull Integer level, @NotBlank String name, String bio,
                          @NotEmpty List<String> roles, List<String> hobbies, @JsonProperty("display_name") @NotNull String displayName,
                          boolean active, Optional<String> nickname, Optional<Tag> tag) {
    }

    /** A mutable class: the same rules apply to its properties. */
    public static class Settings {
        private long version;
        @NotNull
        private String theme;
        private String font;

        public long getVersion() {
            return version;
        }

        public void setVersion(long version) {
            this.version = version;
        }

        public String getTheme() {
            return theme;
        }

        public void setTheme(String theme) {
            this.theme = theme;
        }

        public String getFont() {
            return font;
        }

        public void setFont(String font) {
            this.font = font;
        }
    }

    public static class Routes {
        @Post("/profiles")
        public void save(Profile profile) {
        }

        @Post("/settings")
        public void settings(Settings settings) {
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    @Test
    void requiredListsMatchTheBinder() {
        assertThat(texts(schema(doc, "Profile").path("required")))
                .containsExactly("id", "level", "name", "roles", "display_name", "active");
        assertThat(texts(schema(doc, "Settings").path("required"))).containsExactlyInAnyOrder("version", "theme");
    }

    @Test
    void optionalFieldsMayBeNull() {
        JsonNode props = schema(doc, "Profile").path("properties");
        assertThat(props.path("nickname")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}"));
        assertThat(props.path("tag")).isEqualTo(Docs.json("{\"anyOf\":[{\"$ref\":\"#/components/schemas/Tag\"},{\"type\":\"null\"}]}"));
        assertThat(props.path("bio")).as("not required: may be null (NullableFieldsTest)")
                .isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}"));
        assertThat(props.path("name")).isEqualTo(Docs.json("{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"}"));
    }

    @Test
    void jsonNamesAreJacksons() {
        JsonNode props = schema(doc, "Profile").path("properties");
        assertThat(props.has("display_name")).isTrue();
        assertThat(props.has("displayName")).isFalse();
    }
}
