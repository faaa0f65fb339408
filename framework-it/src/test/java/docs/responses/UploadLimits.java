package docs.responses;

import dev.brisk.App;
import dev.brisk.FormLimits;

import java.nio.file.Path;

public final class UploadLimits {
    private UploadLimits() {
    }

    static App app(Path spool) {
        return App.builder()
                .include(new Uploads(spool))
                .formLimits(FormLimits.defaults()
                        .maxFileSize(20L << 20)                                    // 20 MiB per file
                        .maxFiles(10)
                        .tempDirectory(spool))                                     // where large parts are spooled
                .build();
    }
}
