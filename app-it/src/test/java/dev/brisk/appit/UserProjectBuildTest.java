package dev.brisk.appit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises a new user: a project made of its Maven snippets and its route class
 * builds with {@code mvn verify}, its JUnit 5 tests really run (not Surefire 2.12's silent
 * {@code Tests run: 0}), and the jar it makes starts the app with the OpenAPI extension in it.
 * Once on {@code brisk-app-parent}, once on a parent of the user's own with {@code brisk-bom}.
 */
class UserProjectBuildTest {
    private static final Pattern TESTS_RUN = Pattern.compile("(?m)^\\[INFO] Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)$");

    @Test
    void theReadmesPomOnBriskAppParent() throws Exception {
        String pom = Repo.xmlBlock("README.md", "<artifactId>brisk-app-parent</artifactId>");
        assertThat(pom).startsWith("<?xml").contains("<brisk.mainClass>com.example.shop.Items</brisk.mainClass>");
        assertBuildsTestsAndServes(UserProjects.create("on-app-parent", pom));
    }

    @Test
    void aPomOfItsOwnWithTheBomAndTheDocumentedPlugins() throws Exception {
        String bom = Repo.xmlBlock("README.md", "<artifactId>brisk-bom</artifactId>");
        String build = Repo.xmlBlock("docs/testing.md", "<artifactId>maven-surefire-plugin</artifactId>");
        String shade = Repo.xmlBlock("docs/deploying.md", "<artifactId>maven-shade-plugin</artifactId>");
        String jar = Repo.xmlBlock("docs/deploying.md", "<artifactId>maven-jar-plugin</artifactId>");
        String pinned = """
                  <pluginManagement>
                    <plugins>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                      <plugin><artifactId>maven-jar-plugin</artifactId><version>%s</version></plugin>
                    </plugins>
                  </pluginManagement>
                """.formatted(Repo.pluginVersion("maven-resources-plugin"), Repo.pluginVersion("maven-jar-plugin"));
        assertThat(build).startsWith("<build>\n").endsWith("  </plugins>\n</build>\n");
        build = "<build>\n" + pinned + build.substring("<build>\n".length(), build.length() - "  </plugins>\n</build>\n".length())
                + jar.indent(4) + shade.indent(4) + "  </plugins>\n</build>\n";
        String pom = Files.readString(UserProjects.resource("own-parent-pom.xml"))
                .replace("<!-- BOM -->", bom.strip())
                .replace("<!-- BUILD -->", build.strip());
        assertBuildsTestsAndServes(UserProjects.create("on-own-parent", pom));
    }

    private static void assertBuildsTestsAndServes(Path project) throws Exception {
        var build = UserProjects.maven(project, "verify");
        assertThat(build.exit()).as("mvn verify in %s:%n%s", project, build.output()).isZero();
        Matcher m = TESTS_RUN.matcher(build.output());
        assertThat(m.find()).as("Surefire's summary in%n%s", build.output()).isTrue();
        assertThat(m.group(1)).as("tests run: both of ItemsTest").isEqualTo("2");
        assertThat(m.group(2) + m.group(3) + m.group(4)).as("failures, errors, skipped").isEqualTo("000");

        Path jar = project.resolve("target/shop-1.0.0.jar");
        try (var file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("com.example.shop.Items");
            assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            var services = file.getEntry("META-INF/services/dev.brisk.internal.spi.Extension");
            assertThat(services).as("brisk-openapi's ServiceLoader file in the jar").isNotNull();
            var jackson = new String(file.getInputStream(file.getEntry("META-INF/services/com.fasterxml.jackson.databind.Module")).readAllBytes());
            assertThat(jackson).as("the Jackson modules of three jars, merged").contains("BlackbirdModule", "JavaTimeModule", "Jdk8Module");
            assertThat(file.getEntry("io/netty/handler/codec/http/HttpRequestDecoder.class")).as("dependencies are in the jar").isNotNull();
        }

        var served = UserProjects.java(project, "-cp", jar.toString(), "com.example.shop.SmokeCheck", "/openapi.json", "/docs", "/items/abc");
        assertThat(served.exit()).as(served.output()).isZero();
        assertThat(served.output()).as("the app started from the jar").contains("/openapi.json 200", "/docs 200", "/items/abc 422");
    }

    @Test
    void theDeployingPageShowsTheReadmesMainClass() {
        String properties = Repo.xmlBlock("docs/deploying.md", "<brisk.mainClass>");
        String readmePom = Repo.xmlBlock("README.md", "<artifactId>brisk-app-parent</artifactId>");
        assertThat(readmePom).contains(properties.lines().filter(l -> l.contains("brisk.mainClass")).findFirst().orElseThrow().strip());
        assertThat(Repo.xmlBlock("docs/deploying.md", "<artifactId>maven-shade-plugin</artifactId>"))
                .contains("<mainClass>com.example.shop.Items</mainClass>");
    }

    /**
     * The plain jar is made from {@code target/classes} on every build: otherwise a build whose classes and pom did
     * not change but whose dependencies did (a sibling module, a newer snapshot) finds the previous runnable jar "up
     * to date", shades it again and keeps the old copies of the dependencies' classes (seen in this repository's
     * examples jar, which kept a previous build's Brisk classes after brisk-core alone was rebuilt).
     */
    @Test
    void thePlainJarIsMadeAfreshOnEveryBuild() throws IOException {
        Pattern forced = Pattern.compile("<artifactId>maven-jar-plugin</artifactId>\\s*<version>[^<]+</version>\\s*<configuration>"
                + "(?:(?!</configuration>)[\\s\\S])*<forceCreation>true</forceCreation>");
        assertThat(Repo.read("app-parent/pom.xml")).as("brisk-app-parent").containsPattern(forced);
        assertThat(Repo.xmlBlock("docs/deploying.md", "<artifactId>maven-jar-plugin</artifactId>")).as("docs/deploying.md").containsPattern(forced);
        assertThat(Repo.read("pom.xml")).as("this build (examples, benchmarks)").containsPattern(forced);
    }

    @Test
    void theParentsPluginVersionsAreTheBuildsOwn() throws IOException {
        String parent = Repo.read("app-parent/pom.xml");
        for (String plugin : new String[] {"maven-compiler-plugin", "maven-surefire-plugin", "maven-shade-plugin", "maven-jar-plugin",
                "maven-resources-plugin", "maven-install-plugin", "maven-clean-plugin"}) {
            Matcher m = Pattern.compile("<artifactId>" + plugin + "</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
            assertThat(m.find()).as("%s has a version in brisk-app-parent", plugin).isTrue();
            assertThat(m.group(1)).as(plugin).isEqualTo(Repo.pluginVersion(plugin));
        }
        assertThat(Repo.tag(parent, "version")).isEqualTo(Repo.version());
        assertThat(Repo.tag(parent, "brisk.version")).as("the BOM brisk-app-parent imports").isEqualTo(Repo.version());
        assertThat(Repo.tag(parent, "maven.compiler.release")).isEqualTo(Repo.tag(Repo.read("pom.xml"), "maven.compiler.release"));
    }
}
