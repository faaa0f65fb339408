package dev.brisk.internal.dev;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Recompiles the app's sources with the JDK's compiler, in this JVM: all of them, as
 * maven-compiler-plugin does when any changed, so that a class that depends on a changed one is never
 * left stale. The class files go to a scratch directory first and are copied over the output
 * directory only when the compilation succeeded: a broken change never leaves half its classes where
 * the next generation would load them.
 */
final class DevCompiler {
    /** The outcome: diagnostics are the compiler's messages (errors first), empty when clean. */
    record Result(boolean ok, String diagnostics, int sources, long millis, List<Path> written) {
    }

    private final List<Path> sourceRoots;
    private final List<Path> classPath;
    private final List<String> options;
    private final Path output;
    private final JavaCompiler javac;

    DevCompiler(List<Path> sourceRoots, List<Path> classPath, List<String> options, Path output) {
        this.sourceRoots = List.copyOf(sourceRoots);
        this.classPath = List.copyOf(classPath);
        this.options = List.copyOf(options);
        this.output = output;
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("dev mode recompiles sources with the JDK's compiler, and this Java ("
                    + System.getProperty("java.home") + ") has none: run Maven with a JDK");
        }
    }

    List<Path> sourceRoots() {
        return sourceRoots;
    }

    Result compile() {
        return compile(true);
    }

    /** Compiles once without writing anything: the compiler's classes load and warm up before the first change. */
    void warmUp() {
        compile(false);
    }

    private Result compile(boolean write) {
        long start = System.nanoTime();
        List<Path> sources = sources();
        if (sources.isEmpty()) return new Result(true, "", 0, 0, List.of());
        Path scratch;
        try {
            scratch = Files.createTempDirectory("brisk-dev-classes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var diagnostics = new DiagnosticCollector<JavaFileObject>();
            var log = new StringWriter();
            boolean ok;
            try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                Path generated = Files.createDirectories(scratch.resolve(".generated-sources"));
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(scratch));
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
                var opts = new ArrayList<>(options);
                var units = files.getJavaFileObjectsFromPaths(sources);
                ok = javac.getTask(log, files, diagnostics, opts, null, units).call();
            }
            String text = format(diagnostics, log.toString());
            List<Path> written = ok && write ? copyClasses(scratch) : List.of();
            return new Result(ok, text, sources.size(), (System.nanoTime() - start) / 1_000_000, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Removes the class files of a deleted source ({@code a/b/C.java}: {@code a/b/C.class} and {@code a/b/C$*.class}). */
    List<Path> sourceDeleted(Path root, Path source) {
        var removed = new ArrayList<Path>();
        String rel = root.relativize(source).toString();
        if (!rel.endsWith(".java")) return removed;
        Path base = output.resolve(rel.substring(0, rel.length() - ".java".length()));
        Path dir = base.getParent();
        String name = base.getFileName().toString();
        if (dir == null || !Files.isDirectory(dir)) return removed;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.equals(name + ".class") || n.startsWith(name + "$") && n.endsWith(".class")) {
                    Files.deleteIfExists(f);
                    removed.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private List<Path> sources() {
        var out = new ArrayList<Path>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private List<Path> copyClasses(Path scratch) throws IOException {
        var written = new ArrayList<Path>();
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = scratch.relativize(f);
                if (rel.startsWith(".generated-sources")) continue;
                Path target = output.resolve(rel.toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
            }
        }
        return written;
    }

    private static String format(DiagnosticCollector<JavaFileObject> diagnostics, String log) {
        var sb = new StringBuilder();
        var all = new ArrayList<>(diagnostics.getDiagnostics());
        all.sort(Comparator.comparing((Diagnostic<? extends JavaFileObject> d) -> d.getKind() != Diagnostic.Kind.ERROR));
        for (var d : all) {
            if (d.getKind() == Diagnostic.Kind.NOTE) continue;
            String where = d.getSource() == null ? ""
                    : new File(d.getSource().toUri()).getPath() + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": ";
            sb.append(where).append(d.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
                    .append(d.getMessage(Locale.ROOT)).append('\n');
        }
        if (!log.isBlank()) sb.append(log);
        return sb.toString();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // scratch space: the OS cleans it up eventually
        }
    }
}
