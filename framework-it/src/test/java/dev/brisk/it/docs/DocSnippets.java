package dev.brisk.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps docs and code together: every ```java block of a Markdown page must appear verbatim in a
 * test source file of this module (so it is compiled, and run by the test that uses it).
 */
public final class DocSnippets {
    private DocSnippets() {
    }

    /** The repository root (the parent of this module). */
    public static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public static List<String> javaBlocks(String markdownPath) {
        String md = read(root().resolve(markdownPath));
        var out = new ArrayList<String>();
        int i = 0;
        while ((i = md.indexOf("```java\n", i)) >= 0) {
            int start = i + "```java\n".length();
            int end = md.indexOf("```", start);
            out.add(md.substring(start, end));
            i = end + 3;
        }
        return out;
    }

    /** Fails unless each Java block of the page is contained verbatim in some test source file. */
    public static void assertAllCompiled(String markdownPath) {
        var blocks = javaBlocks(markdownPath);
        if (blocks.isEmpty()) throw new AssertionError(markdownPath + " has no ```java blocks");
        String sources = allTestSources();
        for (String b : blocks) {
            if (!sources.contains(b)) {
                throw new AssertionError("this snippet of " + markdownPath + " is not in any test source of framework-it "
                        + "(docs and tested code have drifted):\n" + b);
            }
        }
    }

    private static String allTestSources() {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            var sb = new StringBuilder();
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sb.append(read(p)).append('\n'));
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
