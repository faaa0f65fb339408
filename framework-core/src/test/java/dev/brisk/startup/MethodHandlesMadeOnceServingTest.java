package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Errors;
import dev.brisk.internal.binding.Loc;
import dev.brisk.internal.dispatch.Invoker;
import dev.brisk.internal.json.Json;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method handles of the handlers, providers and body records (adapter chains whose lambda forms a cold
 * JVM spins at a few milliseconds apiece) are made in the background once a server is about to serve, not
 * while the app is built; a call that comes sooner makes its own.
 */
class MethodHandlesMadeOnceServingTest {
    public record NewItem(String name, double price) {
    }

    public static class Routes {
        @Post("/items")
        public NewItem create(NewItem item) {
            return item;
        }

        @Get("/hello")
        public String hello(@Query String name) {
            return "hello " + name;
        }

        public static String shout(String s, int times) {
            return s.repeat(times) + "!";
        }
    }

    @Test
    void buildingTheAppMakesNone() {
        var compiled = AppRuntime.of(App.builder().include(new Routes()).docs(false).build()).compiled();
        assertThat(compiled.linked()).isFalse();
        assertThat(compiled.handlesLinked()).isNotDone();
    }

    @Test
    void theyAreMadeSoonAfterAServerStartsWithoutARequest() throws Exception {
        var app = App.builder().include(new Routes()).docs(false).build();
        var compiled = AppRuntime.of(app).compiled();
        try (var server = app.start("127.0.0.1", 0)) {
            compiled.handlesLinked().get(10, TimeUnit.SECONDS);
            assertThat(compiled.linked()).isTrue();
        }
    }

    @Test
    void aCallBeforeTheWarmUpMakesItsOwn() throws Throwable {
        var invoker = Invoker.of(Routes.class.getMethod("shout", String.class, int.class), null);
        assertThat(invoker.linked()).isFalse();
        assertThat(invoker.invoke(new Object[] {"ab", 2})).isEqualTo("abab!");
        assertThat(invoker.linked()).isTrue();

        var mapper = Json.create(1 << 20);
        var reader = new BodyReader(mapper);
        var plan = reader.plan(NewItem.class);
        assertThat(reader.linked()).isFalse();
        var errors = new Errors();
        assertThat(plan.read(mapper.readTree("{\"name\":\"x\",\"price\":2.5}"), Loc.root("body"), errors)).isEqualTo(new NewItem("x", 2.5));
        assertThat(errors.isEmpty()).isTrue();
        assertThat(reader.linked()).isTrue();
    }
}
