package dev.brisk.appit;

import dev.brisk.App;
import dev.brisk.openapi.OpenApi;
import dev.brisk.test.TestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * New Maven projects in {@code target/user-projects}, built by the Maven that runs this build, offline.
 * Their local repository holds this build's Brisk artifacts (the poms from the source tree, the jars
 * from the test class path) and takes everything else from this build's own local repository
 * through a {@code file:} mirror, so nothing is downloaded and nothing is installed anywhere else.
 */
final class UserProjects {
    static final Path HOME = Path.of("target/user-projects").toAbsolutePath();
    private static final Path REPO = HOME.resolve("repository");
    private static final Path SETTINGS = HOME.resolve("settings.xml");
    private static boolean prepared;

    private UserProjects() {
    }

    /** The outcome of one command: exit code and everything it printed. */
    record Run(int exit, String output) {
    }

    /** A fresh project directory with the README's route class, a test of it, and {@code pom}. */
    static Path create(String name, String pom) throws IOException {
        prepare();
        Path dir = HOME.resolve(name);
        deleteTree(dir);
        Path main = Files.createDirectories(dir.resolve("src/main/java/com/example/shop"));
        Path test = Files.createDirectories(dir.resolve("src/test/java/com/example/shop"));
        Files.writeString(dir.resolve("pom.xml"), pom);
        Files.copy(Repo.root().resolve("framework-it/src/test/java/com/example/shop/Items.java"), main.resolve("Items.java"));
        Files.copy(resource("SmokeCheck.java"), main.resolve("SmokeCheck.java"));
        Files.copy(resource("ItemsTest.java"), test.resolve("ItemsTest.java"));
        return dir;
    }

    /** A new project generated from brisk-archetype in {@code HOME/generated/<artifactId>}, offline. */
    static Path generate(String artifactId, String packageName) throws IOException, InterruptedException {
        prepare();
        Path parent = Files.createDirectories(HOME.resolve("generated"));
        deleteTree(parent.resolve(artifactId));
        var run = maven(parent, "org.apache.maven.plugins:maven-archetype-plugin:" + Repo.pluginVersion("maven-archetype-plugin") + ":generate",
                "-DarchetypeGroupId=dev.brisk", "-DarchetypeArtifactId=brisk-archetype", "-DarchetypeVersion=" + Repo.version(),
                "-DgroupId=com.example", "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dpackage=" + packageName,
                "-DinteractiveMode=false");
        if (run.exit() != 0) throw new AssertionError("archetype:generate failed:\n" + run.output());
        return parent.resolve(artifactId);
    }

    /** {@code mvn <args>} in {@code dir} as {@link #maven}, started in the background; its output goes to {@code log}. */
    static Process mavenInBackground(Path dir, Path log, String... args) throws IOException {
        prepare();
        var command = new ArrayList<String>(List.of(mavenExecutable(), "-B", "-ntp", "-o", "-Daether.offline.protocols=file",
                "-s", SETTINGS.toString(), "-Dmaven.repo.local=" + REPO));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        return pb.start();
    }

    static Path resource(String name) {
        try {
            return Path.of(UserProjects.class.getResource("/user-project/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mvn <args>} in {@code dir}, offline, with the projects' settings and local repository. */
    static Run maven(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(mavenExecutable(), "-B", "-ntp", "-o", "-Daether.offline.protocols=file",
                "-s", SETTINGS.toString(), "-Dmaven.repo.local=" + REPO));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** {@code java <args>} with the JVM that runs this test. */
    static Run java(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(HOME, "run", ".log");
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 4 minutes:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static String mavenExecutable() {
        String home = System.getProperty("brisk.maven.home");
        if (home == null || home.isBlank()) return "mvn";
        return Path.of(home, "bin", "mvn").toString();
    }

    private static synchronized void prepare() throws IOException {
        if (prepared) return;
        Files.createDirectories(HOME);
        deleteTree(REPO.resolve("dev/brisk"));
        String version = Repo.version();
        install("brisk-parent", version, "pom.xml", (Path) null);
        install("brisk-bom", version, "bom/pom.xml", (Path) null);
        install("brisk-app-parent", version, "app-parent/pom.xml", (Path) null);
        install("brisk-core", version, "framework-core/pom.xml", App.class);
        install("brisk-openapi", version, "framework-openapi/pom.xml", OpenApi.class);
        install("brisk-test", version, "framework-test/pom.xml", TestClient.class);
        install("brisk-maven-plugin", version, "maven-plugin/pom.xml", root("/dev/brisk/maven/DevMojo.class"));
        install("brisk-archetype", version, "archetype/pom.xml", root("/archetype-resources/pom.xml"));
        String outer = System.getProperty("brisk.maven.repository", Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Files.writeString(SETTINGS, """
                <settings>
                  <localRepository>%1$s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>this-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%2$s</url>
                    </mirror>
                  </mirrors>
                  <!-- a local repository keeps no checksums of what it downloaded: do not ask for them -->
                  <profiles>
                    <profile>
                      <id>this-build</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%2$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%2$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>this-build</activeProfile></activeProfiles>
                </settings>
                """.formatted(REPO, Path.of(outer).toUri()));
        prepared = true;
    }

    /** Puts a pom (and the jar of the class path entry that holds {@code inJar}) where a local repository has it. */
    private static void install(String artifactId, String version, String pom, Class<?> inJar) throws IOException {
        Path entry;
        try {
            entry = inJar == null ? null : Path.of(inJar.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        install(artifactId, version, pom, entry);
    }

    /** The class path entry (a jar, or a directory of classes) that holds {@code resource}. */
    private static Path root(String resource) {
        var url = UserProjects.class.getResource(resource);
        if (url == null) throw new IllegalStateException(resource + " is not on the test class path");
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) return Path.of(java.net.URI.create(s.substring(4, s.indexOf("!/"))));
            Path p = Path.of(url.toURI());
            for (int i = resource.split("/").length - 1; i > 0; i--) p = p.getParent();
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void install(String artifactId, String version, String pom, Path entry) throws IOException {
        Path dir = Files.createDirectories(REPO.resolve("dev/brisk").resolve(artifactId).resolve(version));
        String base = artifactId + "-" + version;
        Files.copy(Repo.root().resolve(pom), dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (entry == null) return;
        if (Files.isDirectory(entry)) jar(entry, dir.resolve(base + ".jar"));   // mvn test: target/classes
        else Files.copy(entry, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
