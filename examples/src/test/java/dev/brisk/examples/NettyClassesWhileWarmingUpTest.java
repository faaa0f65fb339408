package dev.brisk.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the transport warm-up initialises Netty on its own thread, the main thread must not initialise a Netty
 * class (Netty's classes have had initialisation cycles that deadlock when two threads initialise them at once):
 * reading the route model it uses none, and configuring the extensions and compiling the routes it uses only
 * those the warm-up initialises first (TransportWarmup.initCore, awaited with awaitCore). Checked for each
 * example (the tour uses every module) in the class-load log of a start whose warm-up never runs
 * (WithoutTransportWarmup), so that each Netty class is logged by the thread that first needs it.
 */
class NettyClassesWhileWarmingUpTest {
    private static final Pattern LINE = Pattern.compile("^\\[[^]]*]\\[(\\d+)] (\\S+) source:");
    private static Set<String> core;

    @BeforeAll
    static void theWarmUpsFirstStep() throws Exception {
        Path work = Files.createTempDirectory("brisk-warmup-core");
        Path log = work.resolve("classes.txt");
        Process p = java(log, "core-only").redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(work.resolve("out.txt"))).isZero();
        core = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (m.find() && m.group(2).startsWith("io.netty.")) core.add(m.group(2));
        }
        assertThat(core).contains("io.netty.util.AsciiString", "io.netty.util.concurrent.FastThreadLocal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bench", "hello", "shop", "tour"})
    void theMainThreadNeedsOnlyTheWarmUpsFirstStepWhileTheWarmUpRuns(String app) throws Exception {
        Path work = Files.createTempDirectory("brisk-warmup-" + app);
        Path classes = work.resolve("classes.txt");
        Path out = work.resolve("out.txt");
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = java(classes, app, "--port", String.valueOf(port)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(out).contains("Brisk listening") && System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as("the %s example runs:%n%s", app, Files.readString(out)).isTrue();
                Thread.sleep(50);
            }
            assertThat(Files.readString(out)).contains("Brisk listening");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String main = null;
        String phase = "builder";
        var inModel = new ArrayList<String>();
        var inCompile = new ArrayList<String>();
        for (String line : Files.readAllLines(classes)) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) continue;
            String tid = m.group(1), name = m.group(2);
            if (name.equals("dev.brisk.examples.Main")) main = tid;
            if (!tid.equals(main)) continue;
            if (name.equals("dev.brisk.internal.scan.ModelBuilder")) phase = "model";
            if (name.equals("dev.brisk.internal.app.ExtensionSupport")) phase = "compile";
            if (name.equals("dev.brisk.internal.app.RunningServer")) phase = "server";
            if (!name.startsWith("io.netty.")) continue;
            if (phase.equals("model")) inModel.add(name);
            if (phase.equals("compile") && !core.contains(name)) inCompile.add(name);
        }
        assertThat(phase).as("the log shows the main thread's whole build (%s)", classes).isEqualTo("server");
        assertThat(inModel).as("Netty classes the main thread needs while it reads the route model").isEmpty();
        assertThat(inCompile).as("Netty classes the main thread needs while it configures the extensions and compiles "
                + "the routes, beyond TransportWarmup.initCore's (add them there)").isEmpty();
    }

    private static ProcessBuilder java(Path classLog, String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog + ":uptime,tid", "-cp", System.getProperty("java.class.path"),
                WithoutTransportWarmup.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
