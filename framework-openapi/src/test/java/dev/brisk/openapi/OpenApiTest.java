package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.app.AppRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OpenApiTest {
    public record Pong(String pong) {
    }

    public static class Routes {
        @Get("/ping")
        public Pong ping() {
            return new Pong("pong");
        }
    }

    private static App app() {
        return App.builder().title("Ping").include(new Routes()).build();
    }

    @Test
    void theDocumentIsComputedOncePerApp() {
        App app = app();
        assertThat(OpenApi.json(app)).isSameAs(OpenApi.json(app));
        assertThat(OpenApi.document(app)).isSameAs(OpenApi.document(app));
        assertThat(OpenApi.prettyJson(app)).isSameAs(OpenApi.prettyJson(app));
        App other = app();
        assertThat(OpenApi.document(other)).isNotSameAs(OpenApi.document(app));
        assertThat(OpenApi.json(other)).isEqualTo(OpenApi.json(app));
    }

    @Test
    void threeFormsOfOneDocument() {
        App app = app();
        assertThat(Docs.json(OpenApi.prettyJson(app))).isEqualTo(Docs.json(OpenApi.json(app)));
        assertThat(OpenApi.prettyJson(app)).contains("\n  \"info\"");
        assertThat(OpenApi.json(app)).doesNotContain("\n");
        assertThat(OpenApi.document(app).getInfo().getTitle()).isEqualTo("Ping");
        assertThat(OpenApi.document(app).getPaths()).containsKey("/ping");
    }

    @Test
    void generatingLeavesTheAppsJsonMapperAlone() throws Exception {
        App app = app();
        var mapper = AppRuntime.of(app).mapper();
        var modules = mapper.getRegisteredModuleIds();
        var introspector = mapper.getSerializationConfig().getAnnotationIntrospector();
        OpenApi.json(app);
        assertThat(mapper.getRegisteredModuleIds()).isEqualTo(modules);
        assertThat(mapper.getSerializationConfig().getAnnotationIntrospector()).isSameAs(introspector);
        assertThat(mapper.writeValueAsString(new Pong("x"))).isEqualTo("{\"pong\":\"x\"}");
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> OpenApi.json(null));
    }
}
