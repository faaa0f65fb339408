package docs.responses;

import dev.brisk.App;
import dev.brisk.StaticFiles;

import java.nio.file.Path;

public final class StaticSite {
    private StaticSite() {
    }

    static App app(Path site) {
        return App.builder()
                .staticFiles("/static", site)                                        // a folder
                .staticFiles("/app", StaticFiles.classpath("/webapp")               // src/main/resources/webapp
                        .spaFallback("index.html")                                   // client-side routes get the page
                        .immutableFingerprinted())                                   // app.3f9a2b1c.js: cached for a year
                .build();
    }
}
