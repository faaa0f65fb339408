package dev.brisk.appit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every version the README and docs/ give in their Maven snippets is this build's own. */
class DocumentedVersionsTest {
    private static final Pattern ARTIFACT_VERSION = Pattern.compile("<artifactId>([\\w.-]+)</artifactId>\\s*<version>([^<]+)</version>");

    static ArrayList<String> pages() throws IOException {
        var pages = new ArrayList<String>();
        pages.add("README.md");
        try (Stream<java.nio.file.Path> docs = Files.list(Repo.root().resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void briskModulesHaveTheProjectVersion() throws IOException {
        int seen = 0;
        for (String page : pages()) {
            for (String block : Repo.xmlBlocks(page)) {
                Matcher m = ARTIFACT_VERSION.matcher(block);
                while (m.find()) {
                    if (!m.group(1).startsWith("brisk-")) continue;
                    assertThat(m.group(2)).as("%s in %s", m.group(1), page).isEqualTo(Repo.version());
                    seen++;
                }
            }
        }
        assertThat(seen).as("versioned Brisk artifacts in the docs").isGreaterThanOrEqualTo(7);
    }

    @Test
    void pluginsHaveTheVersionsOfTheBuild() throws IOException {
        int seen = 0;
        for (String page : pages()) {
            for (String block : Repo.xmlBlocks(page)) {
                Matcher m = ARTIFACT_VERSION.matcher(block);
                while (m.find()) {
                    if (!m.group(1).startsWith("maven-")) continue;
                    assertThat(m.group(2)).as("%s in %s", m.group(1), page).isEqualTo(Repo.pluginVersion(m.group(1)));
                    seen++;
                }
            }
        }
        assertThat(seen).as("versioned plugins in the docs").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyBriskDependencyOutsideTheBomWaysNamesItsVersion() {
        // The OpenAPI page's snippet stands alone: without a version it only works with the BOM or the parent
        String openapi = Repo.xmlBlock("docs/openapi.md", "<artifactId>brisk-openapi</artifactId>");
        assertThat(openapi).contains("<version>" + Repo.version() + "</version>");
        String testing = Repo.xmlBlock("docs/testing.md", "<artifactId>brisk-test</artifactId>");
        assertThat(testing).contains("<version>" + Repo.version() + "</version>");
        String observability = Repo.xmlBlock("docs/observability.md", "<artifactId>brisk-observability</artifactId>");
        assertThat(observability).contains("<version>" + Repo.version() + "</version>");
        String modules = Repo.xmlBlock("README.md", "<version>" + Repo.version() + "</version>\n  <scope>test</scope>");
        assertThat(modules).contains("<artifactId>brisk-core</artifactId>", "<artifactId>brisk-openapi</artifactId>", "<artifactId>brisk-test</artifactId>");
    }

    @Test
    void theBomAndTheParentAreReactorModulesAtTheProjectVersion() {
        String root = Repo.read("pom.xml");
        assertThat(root).contains("<module>bom</module>", "<module>app-parent</module>");
        assertThat(Repo.tag(Repo.read("bom/pom.xml"), "artifactId")).isEqualTo("brisk-parent");    // its parent
        assertThat(Repo.read("bom/pom.xml")).contains("<artifactId>brisk-bom</artifactId>", "<version>" + Repo.version() + "</version>");
        assertThat(Repo.read("app-parent/pom.xml")).contains("<artifactId>brisk-app-parent</artifactId>");
    }
}
