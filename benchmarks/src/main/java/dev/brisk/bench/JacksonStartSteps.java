package dev.brisk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.bench.BenchRoutes.Message;
import dev.brisk.internal.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormatSymbols;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.logging.LogManager;

/**
 * What Brisk's Jackson mapper costs a cold start, step by step, on one thread: the JDK's locale data that
 * Jackson's default date format loads, Java logging (Blackbird's), {@code java.time}'s formatters, Jackson's
 * classes, the mapper ({@link Json#create}), the writer of a record and its first write. Prints the CPU time of
 * each step (this thread's, from {@code /proc/thread-self/schedstat}; wall time where that file is missing).
 * Run it with a class-data archive, as a start-up would: {@code benchmarks/scripts/jackson-start-steps.sh}.
 */
public final class JacksonStartSteps {
    private static final List<String> STEPS = new ArrayList<>();
    private static long last = now();

    private JacksonStartSteps() {
    }

    public static void main(String[] args) {
        step("JDK: DateFormatSymbols (Locale.US)", () -> DateFormatSymbols.getInstance(Locale.US));
        step("JDK: DecimalFormatSymbols (Locale.US)", () -> DecimalFormatSymbols.getInstance(Locale.US));
        step("JDK: Calendar (UTC, Locale.US)", () -> Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.US));
        step("JDK: java.util.logging", LogManager::getLogManager);
        step("JDK: java.time formatters", DateTimeFormatter.ISO_INSTANT::getZone);
        step("Jackson: classes (mapper, modules, StdDateFormat)", () -> {
            Json.initialiseClasses();
            return null;
        });
        ObjectMapper mapper = step("Jackson: the mapper (Json.create)", () -> Json.create(1 << 20));
        var writer = step("Jackson: writer of a record", () -> mapper.writerFor(Message.class));
        byte[] out = step("Jackson: first write", () -> {
            try {
                return writer.writeValueAsBytes(new Message("Hello, World!"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println(String.join("\n", STEPS) + "\n(" + out.length + " bytes written)");
    }

    private static <T> T step(String name, Supplier<T> work) {
        T result = work.get();
        long t = now();
        STEPS.add(String.format("%7.1f ms  %s", (t - last) / 1e6, name));
        last = now();   // the bookkeeping above is no step's
        return result;
    }

    /** This thread's CPU time in ns, or the wall clock where Linux's schedstat is not there. */
    private static long now() {
        try {
            String s = Files.readString(Path.of("/proc/thread-self/schedstat"));
            return Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return System.nanoTime();
        }
    }
}
