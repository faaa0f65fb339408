package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.StartupException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a newcomer sees when the app starts: where it listens, as a URL; and, without any SLF4J
 * provider on the class path (Brisk's documented dependencies alone), a one-time hint on how to get
 * the logs instead of silence. A port already in use is one clear StartupException.
 */
class StartupLinesTest {
    public static class Hello {
        @Get("/")
        public String hello() {
            return "hi";
        }
    }

    /** Child JVM: starts on a free port of 127.0.0.1 (or all interfaces with "any"), prints, stops. */
    public static void main(String[] args) {
        var app = App.builder().include(new Hello()).docs(false).build();
        try (var s = args.length > 0 && args[0].equals("any") ? app.start(0) : app.start("127.0.0.1", 0)) {
            System.out.println("port=" + s.port());
        }
    }

    @Test
    void withoutALoggerTheListeningLineIsPrintedAndAHintSaysWhatToAdd() throws Exception {
        var out = child(withoutSlf4jProvider());
        assertThat(out).containsPattern("Brisk listening on http://127\\.0\\.0\\.1:\\d+\\n");
        assertThat(out).contains("no SLF4J logging provider").contains("slf4j-simple");
        assertThat(out.split("no SLF4J logging provider", -1)).hasSize(2);   // once
    }

    @Test
    void withALoggerTheLineIsLoggedAndAllInterfacesShowAsLocalhost() throws Exception {
        var out = child(System.getProperty("java.class.path"), "any");
        assertThat(out).containsPattern("Brisk listening on http://localhost:\\d+ \\(all interfaces\\)");
        assertThat(out).doesNotContain("no SLF4J logging provider").doesNotContain("[0:0:0:0");
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        try (var taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            var app = App.builder().include(new Hello()).docs(false).build();
            assertThatThrownBy(() -> app.start("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the address is already in use"
                            + " (another process, or another Brisk app, listens there; pick another port)");
        }
    }

    private static String withoutSlf4jProvider() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("slf4j-simple")).collect(Collectors.joining(File.pathSeparator));
    }

    private static String child(String classPath, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, StartupLinesTest.class.getName()));
        cmd.addAll(List.of(args));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
