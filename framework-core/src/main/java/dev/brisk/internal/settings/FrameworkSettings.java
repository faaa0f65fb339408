package dev.brisk.internal.settings;

import dev.brisk.Settings;
import dev.brisk.StartupException;
import dev.brisk.Workers;
import dev.brisk.internal.binding.Scalar;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brisk's own knobs as settings ({@code BRISK_PORT}, {@code brisk.max-body-size}, ...): each fills
 * in what the app's code left unset. Checked by hand, so reading them never starts Bean Validation.
 */
@Settings(prefix = "brisk")
public record FrameworkSettings(Optional<String> host, Optional<Integer> port, Optional<Integer> eventLoops,
                                Optional<WorkerKind> workers, Optional<Integer> workerThreads, Optional<Integer> workerQueue,
                                Optional<Long> maxBodySize, Optional<Duration> headerTimeout, Optional<Duration> bodyTimeout,
                                Optional<Duration> idleTimeout, Optional<Duration> shutdownGrace,
                                Optional<Duration> blockingThreshold, Optional<Boolean> docs, Optional<Path> settingsFile,
                                List<String> corsOrigins, Optional<Boolean> accessLog) {

    /** {@code BRISK_WORKERS}: {@code auto}, {@code platform} or {@code virtual}. */
    public enum WorkerKind {
        AUTO, PLATFORM, VIRTUAL
    }

    private static final String PREFIX = "brisk";

    /**
     * The components, in the record's order, with their converters: Brisk's own settings are read without
     * reflection, annotations or Bean Validation (together ~40 ms of a start; FrameworkSettingsShapeTest keeps
     * this list and the record the same).
     */
    static final List<SettingsBinder.Declared> COMPONENTS = components();

    private static List<SettingsBinder.Declared> components() {
        var workers = new LinkedHashMap<String, WorkerKind>();
        for (WorkerKind k : WorkerKind.values()) workers.put(k.name().toLowerCase(java.util.Locale.ROOT), k);
        Scalar workerNames = Scalar.ofEnumNames(workers);
        return List.of(
                SettingsBinder.Declared.optional("host", String.class),
                SettingsBinder.Declared.optional("port", Integer.class),
                SettingsBinder.Declared.optional("eventLoops", Integer.class),
                SettingsBinder.Declared.optional("workers", workerNames::fromString),
                SettingsBinder.Declared.optional("workerThreads", Integer.class),
                SettingsBinder.Declared.optional("workerQueue", Integer.class),
                SettingsBinder.Declared.optional("maxBodySize", Long.class),
                SettingsBinder.Declared.optional("headerTimeout", Duration.class),
                SettingsBinder.Declared.optional("bodyTimeout", Duration.class),
                SettingsBinder.Declared.optional("idleTimeout", Duration.class),
                SettingsBinder.Declared.optional("shutdownGrace", Duration.class),
                SettingsBinder.Declared.optional("blockingThreshold", Duration.class),
                SettingsBinder.Declared.optional("docs", Boolean.class),
                SettingsBinder.Declared.optional("settingsFile", java.nio.file.Path.class),
                SettingsBinder.Declared.list("corsOrigins", String.class),
                SettingsBinder.Declared.optional("accessLog", Boolean.class));
    }

    /** The framework's settings and the app's settings records, bound together: every problem is reported at once. */
    public record Resolved(FrameworkSettings framework, Map<Class<?>, Object> settings) {
    }

    /** @throws StartupException naming every missing or bad value of the framework's and the app's settings */
    public static Resolved resolve(Sources sources, List<Class<?>> settingsTypes) {
        var results = new ArrayList<SettingsBinder.Result<?>>();
        var own = SettingsBinder.bind(FrameworkSettings.class, PREFIX, COMPONENTS, sources, FrameworkSettings::check, FrameworkSettings::of);
        List<SettingsBinder.Problem> together = own.value() == null ? List.of() : own.value().checkTogether();
        results.add(together.isEmpty() ? own : new SettingsBinder.Result<>(FrameworkSettings.class, null, together));
        for (Class<?> t : settingsTypes) {
            try {
                results.add(SettingsBinder.bind(t, sources));
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
        String report = SettingsBinder.describe(results);
        if (report != null) throw new StartupException(report);
        warnUnknown(sources);
        var out = new LinkedHashMap<Class<?>, Object>();
        for (int i = 1; i < results.size(); i++) out.put(results.get(i).type(), results.get(i).value());
        return new Resolved(own.value(), out);
    }

    @SuppressWarnings("unchecked")
    private static FrameworkSettings of(Object[] a) {
        return new FrameworkSettings((Optional<String>) a[0], (Optional<Integer>) a[1], (Optional<Integer>) a[2],
                (Optional<WorkerKind>) a[3], (Optional<Integer>) a[4], (Optional<Integer>) a[5], (Optional<Long>) a[6],
                (Optional<Duration>) a[7], (Optional<Duration>) a[8], (Optional<Duration>) a[9], (Optional<Duration>) a[10],
                (Optional<Duration>) a[11], (Optional<Boolean>) a[12], (Optional<Path>) a[13], (List<String>) a[14],
                (Optional<Boolean>) a[15]);
    }

    /** One value's own rule (Bean Validation is not used here: reading Brisk's settings must not start it). */
    private static String check(String component, Object value) {
        if (!(value instanceof Optional<?> o) || o.isEmpty()) return null;
        Object v = o.get();
        return switch (component) {
            case "port" -> (int) v < 0 || (int) v > 65535 ? "a port is 0..65535" : null;
            case "eventLoops", "workerThreads" -> (int) v < 1 ? "must be at least 1" : null;
            case "workerQueue" -> (int) v < 0 ? "must be at least 0" : null;
            case "maxBodySize" -> (long) v < 0 ? "must be at least 0 (bytes)" : null;
            case "headerTimeout", "bodyTimeout", "idleTimeout" -> ((Duration) v).isNegative() || ((Duration) v).isZero() ? "must be longer than 0" : null;
            case "shutdownGrace" -> ((Duration) v).isNegative() ? "must not be negative" : null;
            case "blockingThreshold" -> ((Duration) v).isNegative() ? "must not be negative (0 turns the detector off)" : null;
            case "workers" -> v == WorkerKind.VIRTUAL && Runtime.version().feature() < 21
                    ? "virtual threads need Java 21 or later; this is Java " + Runtime.version().feature() : null;
            default -> null;
        };
    }

    /** Rules between values. */
    private List<SettingsBinder.Problem> checkTogether() {
        var p = new ArrayList<SettingsBinder.Problem>();
        if (workerQueue.isPresent() && effectiveKind() == WorkerKind.VIRTUAL) {
            p.add(new SettingsBinder.Problem("FrameworkSettings.workerQueue",
                    "BRISK_WORKER_QUEUE is set, but virtual-thread workers have no queue (set BRISK_WORKERS=platform)"));
        }
        return p;
    }

    private WorkerKind effectiveKind() {
        var k = workers.orElse(WorkerKind.AUTO);
        if (k != WorkerKind.AUTO) return k;
        return Runtime.version().feature() >= 21 ? WorkerKind.VIRTUAL : WorkerKind.PLATFORM;
    }

    /** The worker pool the settings ask for, if they say anything about it. */
    public Optional<Workers> workersConfig() {
        if (workers.isEmpty() && workerThreads.isEmpty() && workerQueue.isEmpty()) return Optional.empty();
        if (effectiveKind() == WorkerKind.VIRTUAL) return Optional.of(Workers.virtual(workerThreads.orElse(10_000)));
        return Optional.of(Workers.platform(workerThreads.orElse(200), workerQueue.orElse(1000)));
    }

    /** A {@code BRISK_*} variable or {@code brisk.*} property that is none of these is most likely a typo: say so. */
    private static void warnUnknown(Sources sources) {
        var known = new TreeSet<String>();
        var props = new TreeSet<String>();
        for (var c : COMPONENTS) {
            String property = PREFIX + "." + SettingsBinder.kebab(c.name());
            props.add(property);
            known.add(SettingsBinder.envName(property));
        }
        unknown(sources.environment().keySet(), "BRISK_", known, "environment variable");
        unknown(sources.properties().keySet(), "brisk.", props, "system property");
    }

    private static void unknown(Set<String> names, String prefix, Set<String> known, String what) {
        for (String n : names) {
            if (n.startsWith(prefix) && !known.contains(n)) {
                LoggerFactory.getLogger("dev.brisk").warn("The {} {} is not one of Brisk's settings ({}); it is ignored", what, n, String.join(", ", known));
            }
        }
    }
}
