package dev.brisk.test.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/testing.md and the code in this package identical: every Java block of the page is a
 * {@code tag::name[]} region of a source file here (which the build compiles and runs), and every
 * region appears on the page verbatim.
 */
class TestingDocSnippetsTest {
    private static final Path DOC = Path.of("../docs/testing.md");
    private static final Path SOURCES = Path.of("src/test/java/dev/brisk/test/docs");
    private static final Pattern TAG = Pattern.compile("(?m)^[ \\t]*// tag::([\\w-]+)\\[\\]\\R(.*?)^[ \\t]*// end::\\1\\[\\]$", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\R(.*?)^```$", Pattern.DOTALL);

    static Map<String, String> snippets() throws IOException {
        var snippets = new LinkedHashMap<String, String>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = TAG.matcher(Files.readString(f));
                while (m.find()) {
                    if (snippets.put(m.group(1), m.group(2).stripIndent()) != null) {
                        throw new AssertionError("tag " + m.group(1) + " is used twice");
                    }
                }
            }
        }
        return snippets;
    }

    static List<String> javaBlocks() throws IOException {
        var blocks = new ArrayList<String>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(DOC));
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void everySnippetAppearsInTheDoc() throws IOException {
        var snippets = snippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);
        var blocks = javaBlocks();
        snippets.forEach((tag, code) -> assertThat(blocks).as("the Java block for tag %s in %s", tag, DOC).contains(code));
    }

    @Test
    void theDependencyVersionsAreTheBuildsOwn() throws IOException {
        String pom = Files.readString(Path.of("../pom.xml"));
        String doc = Files.readString(DOC);
        assertThat(doc).contains("<artifactId>brisk-test</artifactId>\n  <version>" + tag(pom, "version") + "</version>")
                .contains("<artifactId>junit-jupiter</artifactId>\n  <version>" + tag(pom, "junit.version") + "</version>");
    }

    /** The first {@code <name>value</name>} of the root pom. */
    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertThat(m.find()).as("<%s> in the root pom", name).isTrue();
        return m.group(1);
    }

    @Test
    void everyJavaBlockOfTheDocIsATestedSnippet() throws IOException {
        var snippets = snippets().values();
        for (String block : javaBlocks()) {
            assertThat(snippets).as("a tagged source in %s for this block of %s:%n%s", SOURCES, DOC, block).contains(block);
        }
    }
}
