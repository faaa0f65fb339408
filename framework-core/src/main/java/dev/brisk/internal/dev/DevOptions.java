package dev.brisk.internal.dev;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a dev session runs and watches.
 *
 * @param mainClass    the class whose {@code main} builds and runs the app, in each generation anew
 * @param args         its arguments
 * @param roots        the app's class directories (or one jar), loaded anew by each generation
 * @param sources      source roots to recompile on change (empty: something else compiles, e.g. the IDE)
 * @param resources    resource roots, copied to {@code output} on change
 * @param output       where recompiled classes and copied resources go (one of the roots)
 * @param classPath    the compile class path (the dependencies, without {@code output})
 * @param javacOptions compiler options ({@code --release 17}, {@code -parameters}, ...)
 * @param allowJar     run although a root is a jar (a packaged app)
 * @param quietMillis  how long the files must stay unchanged before a reload starts
 */
public record DevOptions(String mainClass, List<String> args, List<Path> roots, List<Path> sources, List<Path> resources,
                         Path output, List<Path> classPath, List<String> javacOptions, boolean allowJar, long quietMillis) {
    /** The quiet period after the last file event: a compiler's burst of writes is one change. */
    public static final long DEFAULT_QUIET_MILLIS = 30;

    public DevOptions {
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(args);
        roots = List.copyOf(roots);
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
        classPath = List.copyOf(classPath);
        javacOptions = List.copyOf(javacOptions);
        if (roots.isEmpty()) throw new IllegalArgumentException("dev mode needs the app's class directory");
        if (output == null) output = roots.get(0);
    }

    /** Only reload the classes (an IDE compiles them). */
    public static DevOptions classes(String mainClass, List<String> args, List<Path> roots, boolean allowJar) {
        return new DevOptions(mainClass, args, roots, List.of(), List.of(), roots.get(0), List.of(), List.of(), allowJar, DEFAULT_QUIET_MILLIS);
    }
}
