package dev.brisk.extension;

import dev.brisk.App;
import dev.brisk.Feature;
import dev.brisk.StartupException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An installed feature that no extension takes up (its module's service file is missing) fails the build. */
class UnclaimedFeatureTest {
    record Orphan() implements Feature {}

    @Test
    void anOrphanFeatureFailsTheBuild() {
        assertThatThrownBy(() -> App.builder().install(new Orphan()).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("App.Builder.install(Orphan[])")
                .hasMessageContaining("no Brisk extension took up dev.brisk.extension.UnclaimedFeatureTest$Orphan");
    }
}
