package dev.brisk.examples;

import dev.brisk.App;
import dev.brisk.examples.bench.BenchApp;
import dev.brisk.examples.hello.HelloApp;
import dev.brisk.examples.shop.ShopApp;
import dev.brisk.examples.tour.TourApp;
import dev.brisk.openapi.OpenApi;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole OpenAPI document of each example app, against a reviewed file in
 * {@code src/test/resources/openapi/}. After an intended change, rewrite them with
 * {@code mvn -pl examples -am verify -Dbrisk.updateSnapshots=true} and review the diff.
 */
class OpenApiSnapshotTest {
    private static final Path DIR = Path.of("src/test/resources/openapi");
    private static final boolean UPDATE = Boolean.getBoolean("brisk.updateSnapshots");

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of("hello", (Supplier<App>) HelloApp::app),
                Arguments.of("bench", (Supplier<App>) BenchApp::app),
                Arguments.of("shop", (Supplier<App>) ShopApp::app),
                Arguments.of("tour", (Supplier<App>) TourApp::app));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void documentMatchesTheSnapshot(String name, Supplier<App> app) throws Exception {
        String json = OpenApi.prettyJson(app.get()) + "\n";
        Path file = DIR.resolve(name + ".json");
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(file, json);
        }
        assertThat(file).as("snapshot " + file + " (create it with -Dbrisk.updateSnapshots=true)").exists();
        assertThat(json).as("document of '" + name + "' vs " + file + " (rewrite with -Dbrisk.updateSnapshots=true)")
                .isEqualTo(Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void documentIsValidOpenApi31(String name, Supplier<App> app) {
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIParser().readContents(OpenApi.json(app.get()), null, options);
        assertThat(result.getMessages()).as("swagger-parser messages for " + name).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @org.junit.jupiter.api.Test
    void exportWritesTheSameDocument(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sub/openapi.json");
        ExportOpenApi.main(new String[]{HelloApp.class.getName(), out.toString()});
        assertThat(Files.readString(out)).isEqualTo(OpenApi.prettyJson(HelloApp.app()) + "\n");
    }
}
