package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty's allocator JFR events are off after an app is built (their set-up cost the first request ~0.12 s),
 * unless the user turns them on or a recording is running. Each case needs a JVM in which Netty is not yet
 * initialised, so it runs in a child JVM.
 */
class NettyJfrDefaultTest {

    public static class Hello {
        @Get("/")
        public String hello() {
            return "hi";
        }
    }

    /** Child JVM entry point: builds an app, then prints whether Netty's JFR events are on. */
    public static void main(String[] args) {
        App.builder().include(new Hello()).build();
        System.out.println("jfr=" + io.netty.util.internal.PlatformDependent.isJfrEnabled());
    }

    @Test
    void offByDefault() throws Exception {
        assertThat(child()).contains("jfr=false");
    }

    @Test
    void onWhenTheUserAsksForThem() throws Exception {
        assertThat(child("-Dio.netty.jfr.enabled=true")).contains("jfr=true");
    }

    @Test
    void onWhileARecordingRuns() throws Exception {
        Path jfr = Path.of(System.getProperty("java.io.tmpdir"), "brisk-jfr-default-" + ProcessHandle.current().pid() + ".jfr");
        try {
            assertThat(child("-XX:StartFlightRecording=filename=" + jfr)).contains("jfr=true");
        } finally {
            java.nio.file.Files.deleteIfExists(jfr);
        }
    }

    private static String child(String... jvmArgs) throws IOException, InterruptedException {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NettyJfrDefaultTest.class.getName()));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
