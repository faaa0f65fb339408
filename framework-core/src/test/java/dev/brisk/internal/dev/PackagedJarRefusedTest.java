package dev.brisk.internal.dev;

import dev.brisk.DevMode;
import dev.brisk.StartupException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dev mode refuses a packaged app (its classes in a jar) unless explicitly enabled; enabled, it
 * serves the jar and reloads when the jar is replaced. It also refuses to be started from inside
 * the app it runs.
 */
class PackagedJarRefusedTest {
    static final String MAIN = """
            package app;

            public class Main {
                public static void main(String[] args) {
                    dev.brisk.App.builder().route("GET", "/v", req -> "%s").build().run("127.0.0.1", 0);
                }
            }
            """;

    @Test
    void aJarIsRefusedWithAMessage() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN.formatted("jar v1")).compile();
            Path jar = jar(p.classes, p.dir.resolve("app.jar"));
            try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
                Class<?> main = loader.loadClass("app.Main");
                assertThatThrownBy(() -> DevMode.run(main))
                        .isInstanceOf(StartupException.class)
                        .hasMessageContaining("app.jar is a jar (a packaged app)")
                        .hasMessageContaining("-D" + DevMode.ALLOW_JAR + "=true");
            }
        }
    }

    @Test
    void anEnabledJarIsServedAndReloadedWhenReplaced() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", MAIN.formatted("jar v1")).compile();
            Path jar = jar(p.classes, p.dir.resolve("app.jar"));
            var options = DevOptions.classes("app.Main", List.of(), List.of(jar), true);
            try (var session = DevSession.start(options)) {
                assertThat(p.get(session.port(), "/v").body()).isEqualTo("jar v1");
                p.write("app/Main.java", MAIN.formatted("jar v2")).compile();
                Path next = jar(p.classes, p.dir.resolve("next.jar"));
                Files.move(next, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                p.getUntil(session.port(), "/v", r -> r.body().equals("jar v2"), 20);
            }
        }
    }

    @Test
    void devModeCannotBeStartedFromTheAppItRuns() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", """
                    package app;

                    public class Main {
                        public static void main(String[] args) {
                            dev.brisk.DevMode.run(Main.class, args);   // the mistake: the app's own main starts dev mode
                        }
                    }
                    """).compile();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                assertThat(session.port()).as("nothing bound").isEqualTo(-1);
                assertThat(session.lastFailure()).hasValueSatisfying(f -> assertThat(f)
                        .contains("Startup failed", "dev mode was started from inside the app it runs", "DevMain"));
            }
        }
    }

    static Path jar(Path classes, Path jar) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
