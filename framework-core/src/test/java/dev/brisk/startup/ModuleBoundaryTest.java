package dev.brisk.startup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/** brisk-core's module exports the API package to everyone and its internal packages only to Brisk's own modules. */
class ModuleBoundaryTest {
    @Test
    void onlyTheApiPackageIsExportedToEveryone() throws IOException {
        ModuleDescriptor d;
        try (InputStream in = ModuleBoundaryTest.class.getResourceAsStream("/module-info.class")) {
            assertThat(in).as("module-info.class of brisk-core").isNotNull();
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("dev.brisk");
        for (var e : d.exports()) {
            if (e.source().equals("dev.brisk")) {
                assertThat(e.isQualified()).as(e.source()).isFalse();
            } else {
                assertThat(e.source()).startsWith("dev.brisk.internal.");
                assertThat(e.isQualified()).as(e.source() + " must be exported only to Brisk's modules").isTrue();
                assertThat(e.targets()).allSatisfy(t -> assertThat(t).startsWith("dev.brisk."));
            }
        }
        assertThat(d.packages()).allSatisfy(p -> assertThat(p).matches("dev\\.brisk(\\.internal\\..+)?"));
        assertThat(d.opens()).allSatisfy(o -> assertThat(o.isQualified()).isTrue());
    }
}
