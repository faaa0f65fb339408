package docs.responses;

import dev.brisk.Get;
import dev.brisk.Response;

import java.nio.file.Path;

public class Downloads {
    private final Path reports;

    public Downloads(Path reports) {
        this.reports = reports;
    }

    @Get("/reports/latest")                        // a Path: sent inline, with ranges and validators
    public Path latest() {
        return reports.resolve("latest.pdf");
    }

    @Get("/reports/{year}/download")               // saved by the browser under the given name
    public Response download(int year) {
        return Response.download(reports.resolve(year + ".pdf"), "Rapport annuel " + year + ".pdf");
    }
}
