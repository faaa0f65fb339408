package dev.brisk.examples;

import dev.brisk.App;
import dev.brisk.openapi.OpenApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an app's OpenAPI document to a file, e.g. for client generators:
 * {@code java -cp brisk-examples.jar dev.brisk.examples.ExportOpenApi dev.brisk.examples.hello.HelloApp openapi.json}.
 * The app is built (routes checked, nothing started) from the class's static {@code app()} method.
 */
public final class ExportOpenApi {
    private ExportOpenApi() {
    }

    /** Writes the document of {@code app}, indented, to {@code file} (creating its folder). */
    public static void write(App app, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(file, OpenApi.prettyJson(app) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code <app class with a static app() method> <output file>}. */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length != 2) {
            System.err.println("usage: ExportOpenApi <app class, e.g. dev.brisk.examples.hello.HelloApp> <output file>");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        write(load(args[0]), out);
        System.out.println("wrote " + out);
    }

    static App load(String className) throws ReflectiveOperationException {
        Method m = Class.forName(className).getMethod("app");
        if (!Modifier.isStatic(m.getModifiers()) || !App.class.isAssignableFrom(m.getReturnType())) {
            throw new IllegalArgumentException(className + ".app() must be a static method returning an App");
        }
        return (App) m.invoke(null);
    }
}
