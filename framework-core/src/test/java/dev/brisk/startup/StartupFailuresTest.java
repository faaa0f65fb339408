package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Query;
import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every broken route fails {@code build()} with a message naming the class and method. */
class StartupFailuresTest {

    public static class DuplicateRoutes {
        @Get("/items/{id}")
        public String a(String id) {
            return id;
        }

        @Get("/items/{other}")
        public String b(String other) {
            return other;
        }
    }

    public static class MissingPathParam {
        @Get("/items/{id}")
        public String read(String itemId) {
            return itemId;
        }
    }

    public record Item(String name) {
    }

    public static class RecordAsQuery {
        @Get("/items")
        public String read(@Query Item item) {
            return "";
        }
    }

    public static class FutureReturn {
        @Get("/f")
        public Future<String> read() {
            return null;
        }
    }

    public record A(String v) {
    }

    public record B(String v) {
    }

    public static class Cycle {
        @Provides
        public static A a(@Depends B b) {
            return new A(b.v());
        }

        @Provides
        public static B b(@Depends A a) {
            return new B(a.v());
        }

        @Get("/cycle")
        public String read(@Depends A a) {
            return a.v();
        }
    }

    public static class Ambiguous {
        @Provides("one")
        public static A first() {
            return new A("1");
        }

        @Provides("two")
        public static A second() {
            return new A("2");
        }

        @Get("/amb")
        public String read(@Depends A a) {
            return a.v();
        }
    }

    public static class NoProvider {
        @Get("/np")
        public String read(@Depends B b) {
            return b.v();
        }
    }

    public static class BadDefault {
        @Get("/bd")
        public int read(@Query(defaultValue = "ten") int n) {
            return n;
        }
    }

    public static class BadTemplate {
        @Post("/x/{id:int}")
        public int read(int id) {
            return id;
        }
    }

    public static class NeedsArgument {
        public NeedsArgument(B b) {
        }

        @Get("/na")
        public String read() {
            return "";
        }
    }

    @Test
    void duplicateRoute() {
        assertThatThrownBy(() -> App.builder().include(new DuplicateRoutes()).build())
                .hasMessageContaining("duplicate route GET /items/{other}")
                .hasMessageContaining("DuplicateRoutes.a").hasMessageContaining("DuplicateRoutes.b");
    }

    @Test
    void pathParameterWithoutMethodParameter() {
        assertThatThrownBy(() -> App.builder().include(new MissingPathParam()).build())
                .hasMessageContaining("MissingPathParam.read()").hasMessageContaining("{id}");
    }

    @Test
    void unsupportedParameterType() {
        assertThatThrownBy(() -> App.builder().include(new RecordAsQuery()).build())
                .hasMessageContaining("RecordAsQuery.read()").hasMessageContaining("unsupported type");
    }

    @Test
    void unsupportedReturnType() {
        assertThatThrownBy(() -> App.builder().include(new FutureReturn()).build())
                .hasMessageContaining("FutureReturn.read()").hasMessageContaining("unsupported return type");
    }

    @Test
    void dependencyCycleIsNamed() {
        assertThatThrownBy(() -> App.builder().include(Cycle.class).build())
                .hasMessageContaining("dependency cycle").hasMessageContaining("Cycle.a()").hasMessageContaining("Cycle.b()");
    }

    @Test
    void ambiguousProviders() {
        assertThatThrownBy(() -> App.builder().include(Ambiguous.class).build())
                .hasMessageContaining("2 providers of").hasMessageContaining("@Depends(\"qualifier\")");
    }

    @Test
    void missingProvider() {
        assertThatThrownBy(() -> App.builder().include(new NoProvider()).build())
                .hasMessageContaining("NoProvider.read()").hasMessageContaining("no provider for " + B.class.getName());
    }

    @Test
    void invalidDefaultValue() {
        assertThatThrownBy(() -> App.builder().include(new BadDefault()).build())
                .hasMessageContaining("BadDefault.read()").hasMessageContaining("defaultValue \"ten\"");
    }

    @Test
    void unknownPathConverter() {
        assertThatThrownBy(() -> App.builder().include(new BadTemplate()).build())
                .hasMessageContaining("BadTemplate.read()").hasMessageContaining("unknown path converter 'int'");
    }

    @Test
    void constructorArgumentWithoutProvider() {
        assertThatThrownBy(() -> App.builder().include(NeedsArgument.class).build())
                .hasMessageContaining("NeedsArgument constructor").hasMessageContaining("provide(B.class");
    }

    @Test
    void classCompiledWithoutParametersFlag() throws Exception {
        var dir = Files.createTempDirectory("brisk-noparams");
        var src = dir.resolve("NoParams.java");
        Files.writeString(src, """
                public class NoParams {
                    @dev.brisk.Get("/x")
                    public String x(int count) { return "" + count; }
                }
                """);
        var javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        org.assertj.core.api.Assertions.assertThat(rc).isZero();
        try (var loader = new URLClassLoader(new java.net.URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            Object instance = loader.loadClass("NoParams").getConstructor().newInstance();
            assertThatThrownBy(() -> App.builder().include(instance).build())
                    .hasMessageContaining("NoParams.x()").hasMessageContaining("-parameters").hasMessageContaining("mvn clean package");
        }
    }

    @Test
    void messagesListTheKnownParameters() {
        assertThatThrownBy(() -> App.builder().include(new MissingPathParam()).build())
                .hasMessageContaining(List.of("itemId").toString());
    }
}
