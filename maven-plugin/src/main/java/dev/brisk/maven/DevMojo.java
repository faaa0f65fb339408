package dev.brisk.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the app in dev mode: compiles it (the build up to {@code process-classes}), starts its main
 * class in a JVM of its own, and on every change of its sources, resources or class files recompiles
 * and reloads it while the port stays bound: {@code mvn brisk:dev}. A change that does not compile or
 * start keeps the last good version serving and shows the error. Ctrl-C stops it.
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DevMojo extends AbstractMojo {
    /** The launcher in brisk-core that the JVM runs. */
    static final String LAUNCHER = "dev.brisk.internal.dev.DevLauncher";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The class whose main method builds and runs the app (brisk-app-parent sets {@code brisk.mainClass}). */
    @Parameter(property = "brisk.mainClass", required = true)
    private String mainClass;

    /** Arguments of the main method, separated by spaces ({@code -Dbrisk.dev.args="--port 8080"}). */
    @Parameter(property = "brisk.dev.args", defaultValue = "")
    private String args;

    /** Options of the app's JVM, separated by spaces ({@code -Dbrisk.dev.jvmArgs="-Xmx512m"}). */
    @Parameter(property = "brisk.dev.jvmArgs", defaultValue = "")
    private String jvmArgs;

    /** The Java that runs the app (a JDK: dev mode compiles with it); Maven's own by default. */
    @Parameter(property = "brisk.dev.java", defaultValue = "${java.home}")
    private File javaHome;

    @Override
    public void execute() throws MojoExecutionException {
        if (mainClass == null || mainClass.isBlank()) {
            throw new MojoExecutionException("brisk:dev needs the app's main class: set the property brisk.mainClass in the pom"
                    + " (brisk-app-parent's runnable jar uses it too) or pass -Dbrisk.mainClass=com.example.Main");
        }
        Path output = Path.of(project.getBuild().getOutputDirectory());
        Path state = Path.of(project.getBuild().getDirectory(), "brisk-dev");
        List<String> runtime = classPath(true, output);
        if (runtime.stream().noneMatch(e -> containsLauncher(Path.of(e)))) {
            throw new MojoExecutionException("brisk:dev runs the app with brisk-core's dev mode, and brisk-core is not among"
                    + " the project's dependencies (add dev.brisk:brisk-core)");
        }
        var options = new ArrayList<String>();
        options.add("main=" + mainClass);
        for (String a : split(args)) options.add("arg=" + a);
        options.add("root=" + output);
        options.add("output=" + output);
        String generated = Path.of(project.getBuild().getDirectory(), "generated-sources", "annotations").toString();
        for (String s : project.getCompileSourceRoots()) {
            if (!Path.of(s).toString().equals(generated)) options.add("source=" + s);
        }
        for (Resource r : project.getResources()) {
            if (r.getTargetPath() != null || !r.getIncludes().isEmpty() || !r.getExcludes().isEmpty()) {
                getLog().warn("brisk:dev copies resources of " + r.getDirectory() + " as they are (targetPath, includes and"
                        + " excludes are not applied on change)");
            }
            if (r.isFiltering()) getLog().warn("brisk:dev copies " + r.getDirectory() + " unfiltered on change");
            options.add("resource=" + r.getDirectory());
        }
        for (String e : classPath(false, output)) options.add("classpath=" + e);
        for (String o : compilerOptions()) options.add("javac=" + o);
        Path file;
        try {
            Files.createDirectories(state);
            file = state.resolve("options.txt");
            Files.write(file, options);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + state + ": " + e, e);
        }

        var command = new ArrayList<String>();
        command.add(javaHome.toPath().resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        command.addAll(split(jvmArgs));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtime));
        command.add(LAUNCHER);
        command.add(file.toString());
        getLog().info("Brisk dev mode: " + mainClass + " (Ctrl-C stops it)");
        getLog().debug("brisk:dev runs " + command);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e, e);
        }
        Thread stop = new Thread(() -> stop(process), "brisk-dev-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
        if (exit != 0 && exit != 130 && exit != 143) {
            throw new MojoExecutionException("the app's dev-mode JVM exited with status " + exit);
        }
    }

    /** Ends the app's JVM gracefully (its shutdown hooks close the app), forcibly after 15 s. */
    private static void stop(Process process) {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** The runtime class path for the app's JVM, or the compile class path for javac; without the output directory either way. */
    private List<String> classPath(boolean runtime, Path output) throws MojoExecutionException {
        try {
            var out = new ArrayList<String>();
            for (String e : runtime ? project.getRuntimeClasspathElements() : project.getCompileClasspathElements()) {
                if (!Path.of(e).equals(output)) out.add(e);
            }
            return out;
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's dependencies are not resolved: " + e.getMessage(), e);
        }
    }

    private static boolean containsLauncher(Path entry) {
        String rel = LAUNCHER.replace('.', '/') + ".class";
        if (Files.isDirectory(entry)) return Files.isRegularFile(entry.resolve(rel));
        if (!Files.isRegularFile(entry)) return false;
        try (var jar = new java.util.jar.JarFile(entry.toFile())) {
            return jar.getEntry(rel) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The maven-compiler-plugin's settings that change the class files: release or source/target, -parameters, its compilerArgs, the encoding. */
    List<String> compilerOptions() {
        var out = new ArrayList<String>();
        Xpp3Dom config = null;
        Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
        if (compiler != null && compiler.getConfiguration() instanceof Xpp3Dom dom) config = dom;
        String release = value(config, "release", "maven.compiler.release");
        if (release != null) {
            out.add("--release");
            out.add(release);
        } else {
            String source = value(config, "source", "maven.compiler.source");
            String target = value(config, "target", "maven.compiler.target");
            if (source != null) {
                out.add("-source");
                out.add(source);
            }
            if (target != null) {
                out.add("-target");
                out.add(target);
            }
        }
        if ("true".equals(value(config, "parameters", "maven.compiler.parameters"))) out.add("-parameters");
        String encoding = value(config, "encoding", "project.build.sourceEncoding");
        if (encoding != null) {
            out.add("-encoding");
            out.add(encoding);
        }
        out.add("-g");
        if (config != null && config.getChild("compilerArgs") != null) {
            for (Xpp3Dom arg : config.getChild("compilerArgs").getChildren()) {
                if (arg.getValue() != null && !arg.getValue().isBlank()) out.add(arg.getValue().strip());
            }
        }
        return out;
    }

    private String value(Xpp3Dom config, String name, String property) {
        if (config != null && config.getChild(name) != null) {
            String v = config.getChild(name).getValue();
            if (v != null && !v.isBlank() && !v.contains("${")) return v.strip();
        }
        String p = project.getProperties().getProperty(property);
        return p == null || p.isBlank() ? null : p.strip();
    }

    static List<String> split(String s) {
        var out = new ArrayList<String>();
        if (s == null) return out;
        for (String part : s.strip().split("\\s+")) if (!part.isEmpty()) out.add(part);
        return out;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
