package dev.brisk;

import dev.brisk.internal.dev.DevOptions;
import dev.brisk.internal.dev.DevSession;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs an app in dev mode, from the IDE: the app's main method runs as usual, and whenever its
 * compiled classes or resources change (the IDE rebuilds on save) a new generation of the app is
 * built in a fresh class loader while the old one serves; then it takes over on the same port. A
 * change that fails to start keeps the old generation serving and shows the error on the next
 * request. From Maven, {@code mvn brisk:dev} does the same and also recompiles the sources.
 *
 * <pre>{@code
 * // src/test/java/com/example/shop/DevMain.java: a launcher of its own, so that the app's main stays as it is
 * public class DevMain {
 *     public static void main(String[] args) {
 *         DevMode.run(Main.class, args);   // Main.main builds the app and calls App.run(8000)
 *     }
 * }
 * }</pre>
 *
 * The classes of the main class's directory reload; everything else on the class path (Brisk, the
 * dependencies, other modules' jars) is loaded once. Dev mode refuses to run when the main class
 * comes from a jar, i.e. a packaged app, unless {@code -Dbrisk.dev.allowJar=true} is set.
 */
public final class DevMode {
    /** The system property that lets dev mode run the app from a jar (reloading when the jar is replaced). */
    public static final String ALLOW_JAR = "brisk.dev.allowJar";

    private DevMode() {
    }

    /**
     * Runs {@code mainClass}'s {@code main(args)} in dev mode and blocks until the JVM stops (Ctrl-C,
     * SIGTERM), which closes the app gracefully. Only the class's name and location are used: its
     * code runs in each generation's class loader.
     *
     * @throws StartupException when the class comes from a jar (see {@link #ALLOW_JAR}) or the port cannot be bound
     */
    public static void run(Class<?> mainClass, String... args) {
        Path root;
        try {
            var source = mainClass.getProtectionDomain().getCodeSource();
            if (source == null) throw new StartupException("dev mode cannot tell where " + mainClass.getName() + " was loaded from");
            root = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new StartupException("dev mode cannot tell where " + mainClass.getName() + " was loaded from: " + e, e);
        }
        var options = DevOptions.classes(mainClass.getName(), List.of(args), List.of(root), Boolean.getBoolean(ALLOW_JAR));
        var session = DevSession.start(options);
        var hook = new Thread(session::close, "brisk-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            session.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
        }
    }
}
