package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.binding.Validation;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate Validator's "HV000001: Hibernate Validator x.y.z" INFO line is not printed on every start,
 * while its other messages still are, and an app that configures that logger itself keeps its choice.
 * Hibernate Validator logs the line once per JVM, so each case runs in a child JVM.
 */
class ValidatorVersionLineTest {

    public static class Constrained {
        @Get("/items")
        public int list(@Min(0) int skip) {
            return skip;
        }
    }

    /** Child JVM entry point: builds an app with constraints, starts the validator, logs a warning through Hibernate Validator's logging. */
    public static void main(String[] args) {
        App.builder().include(new Constrained()).build();
        Validation.validator();
        org.jboss.logging.Logger.getLogger("org.hibernate.validator.internal.engine.ValidatorFactoryImpl").warn("HV-probe: a validator warning");
        System.out.println("validated=" + Validation.validator().validate(new Object()).isEmpty());
    }

    @Test
    void theVersionLineIsQuietAndWarningsAreNot() throws Exception {
        String out = child();
        assertThat(out).contains("validated=true").contains("HV-probe: a validator warning").doesNotContain("HV000001");
    }

    @Test
    void anAppThatConfiguresTheLoggerKeepsIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("logging.properties");
        Files.writeString(config, """
                handlers=java.util.logging.ConsoleHandler
                org.hibernate.validator.internal.util.Version.level=INFO
                """);
        assertThat(child("-Djava.util.logging.config.file=" + config)).contains("HV000001");
    }

    private static String child(String... jvmArgs) throws IOException, InterruptedException {
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ValidatorVersionLineTest.class.getName()));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
