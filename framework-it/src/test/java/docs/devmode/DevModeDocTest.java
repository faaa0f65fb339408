package docs.devmode;

import dev.brisk.it.docs.DocSnippets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/dev-mode.md: its launcher compiles, and the starter it describes ships the same launcher. */
class DevModeDocTest {
    @Test
    void theSnippetsAreCompiled() {
        DocSnippets.assertAllCompiled("docs/dev-mode.md");
    }

    @Test
    void theStartersLauncherIsThePagesLauncher() throws Exception {
        String starter = Files.readString(DocSnippets.root().resolve("archetype/src/main/resources/archetype-resources/src/test/java/DevMain.java"));
        assertThat(starter).contains("DevMode.run(Main.class, args);");
        String page = DocSnippets.javaBlocks("docs/dev-mode.md").get(0);
        assertThat(page).contains("DevMode.run(Main.class, args);");
    }
}
