package dev.brisk.internal.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dev session as a program, for {@code mvn brisk:dev}: the plugin starts it in a JVM of its own
 * with the app's dependencies on the class path and an options file, one {@code key=value} a line:
 * {@code main}, {@code arg}, {@code root}, {@code source}, {@code resource}, {@code output},
 * {@code classpath} (one entry a line), {@code javac} (one option a line). It runs until the JVM is
 * stopped (Ctrl-C), then closes the app gracefully.
 */
public final class DevLauncher {
    private DevLauncher() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        if (argv.length != 1) {
            System.err.println("usage: DevLauncher OPTIONS-FILE");
            System.exit(2);
        }
        var options = read(Path.of(argv[0]));
        DevSession session;
        try {
            session = DevSession.start(options);
        } catch (RuntimeException e) {
            System.err.println("Brisk dev mode cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(session::close, "brisk-dev-shutdown"));
        session.awaitClosed();
    }

    static DevOptions read(Path file) throws IOException {
        String main = null;
        Path output = null;
        var args = new ArrayList<String>();
        var roots = new ArrayList<Path>();
        var sources = new ArrayList<Path>();
        var resources = new ArrayList<Path>();
        var classPath = new ArrayList<Path>();
        var javac = new ArrayList<String>();
        long quiet = DevOptions.DEFAULT_QUIET_MILLIS;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("not key=value in " + file + ": " + line);
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "main" -> main = value;
                case "arg" -> args.add(value);
                case "root" -> roots.add(Path.of(value));
                case "source" -> sources.add(Path.of(value));
                case "resource" -> resources.add(Path.of(value));
                case "output" -> output = Path.of(value);
                case "classpath" -> classPath.add(Path.of(value));
                case "javac" -> javac.add(value);
                case "quiet" -> quiet = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + key + " in " + file);
            }
        }
        if (main == null) throw new IllegalArgumentException("no main= in " + file);
        return new DevOptions(main, List.copyOf(args), roots, sources, resources, output, classPath, javac, false, quiet);
    }
}
