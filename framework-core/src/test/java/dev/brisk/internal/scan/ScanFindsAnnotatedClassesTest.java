package dev.brisk.internal.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan(...)} finds the classes with routes, providers or lifecycle methods, in directories
 * and in jars, without ClassGraph where the class loader can say where a package lives, and the
 * same classes as ClassGraph does.
 */
class ScanFindsAnnotatedClassesTest {
    private static final String PKG = "dev.brisk.internal.scan.fixture";
    private static final List<String> EXPECTED = List.of(PKG + ".MethodRoutes", PKG + ".MethodRoutes$Nested",
            PKG + ".ProvidesThings", PKG + ".RoutedClass", PKG + ".sub.Deeper");

    @TempDir
    Path tmp;

    @Test
    void aPackageInADirectoryIsListedWithoutClassGraphAndAgreesWithIt() {
        var listed = PackageClassFiles.candidates(List.of(PKG), getClass().getClassLoader());
        assertThat(listed).isPresent();
        // Mentions names Get.class and Response but carries no annotation: never loaded or inspected.
        assertThat(listed.get()).doesNotContain(PKG + ".Mentions").contains(PKG + ".RoutedMarker");

        assertThat(names(ClassScanner.scan(List.of(PKG)))).containsExactlyElementsOf(EXPECTED);
        assertThat(names(ClassScanner.withClassGraph(List.of(PKG), null))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aSubpackageAloneIsScannedAlone() {
        assertThat(names(ClassScanner.scan(List.of(PKG + ".sub")))).containsExactly(PKG + ".sub.Deeper");
    }

    @Test
    void aPackageInAJarIsListedFromTheJar() throws IOException {
        Path jar = jar(true);
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            var listed = PackageClassFiles.candidates(List.of(PKG), loader);
            assertThat(listed).hasValueSatisfying(names -> assertThat(names).containsExactly(PKG + ".MethodRoutes",
                    PKG + ".MethodRoutes$Nested", PKG + ".ProvidesThings", PKG + ".RoutedClass", PKG + ".RoutedMarker", PKG + ".sub.Deeper"));
        }
    }

    @Test
    void aJarWithoutDirectoryEntriesLeavesTheScanToClassGraph() throws IOException {
        Path jar = jar(false);
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(PackageClassFiles.candidates(List.of(PKG), loader)).isEmpty();
        }
    }

    @Test
    void aPackageFoundNowhereLeavesTheScanToClassGraphWhichFindsNothing() {
        assertThat(PackageClassFiles.candidates(List.of("dev.brisk.internal.scan.nosuchpackage"), getClass().getClassLoader())).isEmpty();
        assertThat(ClassScanner.scan(List.of("dev.brisk.internal.scan.nosuchpackage"))).isEmpty();
    }

    @Test
    void onlyAnAnnotationUseCounts() throws IOException {
        assertThat(PackageClassFiles.mentionsBrisk(classFile("Mentions"))).isFalse();
        assertThat(PackageClassFiles.mentionsBrisk(classFile("RoutedClass"))).isTrue();
        assertThat(PackageClassFiles.mentionsBrisk(classFile("ProvidesThings"))).isTrue();
        assertThat(PackageClassFiles.mentionsBrisk(new byte[0])).isFalse();
        assertThat(PackageClassFiles.mentionsBrisk("Ldev/brisk/Ge".getBytes())).isFalse();
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }

    private static Path classesRoot() {
        try {
            return Path.of(ScanFindsAnnotatedClassesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classFile(String simpleName) throws IOException {
        return Files.readAllBytes(classesRoot().resolve(PKG.replace('.', '/')).resolve(simpleName + ".class"));
    }

    /** The fixture package's class files in a jar, with or without the directory entries Maven writes. */
    private Path jar(boolean directoryEntries) throws IOException {
        Path root = classesRoot();
        Path jar = tmp.resolve(directoryEntries ? "with-dirs.jar" : "without-dirs.jar");
        try (OutputStream out = Files.newOutputStream(jar); var j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(root.resolve(PKG.replace('.', '/')))) {
            for (Path f : files.sorted().toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    if (!directoryEntries) continue;
                    if (directoryEntries && name.equals(PKG.replace('.', '/'))) {   // and the parents, as a jar tool writes them
                        String parent = "";
                        for (String part : name.split("/")) {
                            parent += part + "/";
                            j.putNextEntry(new JarEntry(parent));
                            j.closeEntry();
                        }
                        continue;
                    }
                    j.putNextEntry(new JarEntry(name + "/"));
                } else {
                    j.putNextEntry(new JarEntry(name));
                    j.write(Files.readAllBytes(f));
                }
                j.closeEntry();
            }
        }
        return jar;
    }
}
