package dev.brisk.startup;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/** brisk-core's module exports the API packages (dev.brisk, dev.brisk.security) to everyone and its internal packages only to Brisk's own modules. */
class ModuleBoundaryTest {
    @Test
    void onlyTheApiPackageIsExportedToEveryone() throws Exception {
        ModuleDescriptor d;
        // brisk-core's own output (a directory in the build, or its jar), not a JDK module's descriptor.
        var where = java.nio.file.Path.of(dev.brisk.App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = java.nio.file.Files.isDirectory(where)
                ? java.nio.file.Files.newInputStream(where.resolve("module-info.class"))
                : new java.util.jar.JarFile(where.toFile()).getInputStream(new java.util.zip.ZipEntry("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("dev.brisk");
        for (var e : d.exports()) {
            if (e.source().equals("dev.brisk") || e.source().equals("dev.brisk.security")) {   // the API, and its security twin
                assertThat(e.isQualified()).as(e.source()).isFalse();
            } else {
                assertThat(e.source()).startsWith("dev.brisk.internal.");
                assertThat(e.isQualified()).as(e.source() + " must be exported only to Brisk's modules").isTrue();
                assertThat(e.targets()).allSatisfy(t -> assertThat(t).startsWith("dev.brisk."));
            }
        }
        assertThat(d.packages()).allSatisfy(p -> assertThat(p).matches("dev\\.brisk(\\.security|\\.internal\\..+)?"));
        assertThat(d.opens()).allSatisfy(o -> assertThat(o.isQualified()).isTrue());
    }
}
