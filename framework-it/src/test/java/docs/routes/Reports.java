package docs.routes;

import dev.brisk.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.CompletableFuture;

@Router(prefix = "/reports", tags = "reports")
public class Reports {
    public record Report(String name, int rows) {}

    @Get("/{name}")                                   // plain method: worker pool, may block
    public Report read(String name) throws InterruptedException {
        Thread.sleep(20);                             // e.g. a JDBC call
        return new Report(name, 42);
    }

    @Get("/{name}/fast")                              // future: event loop, must not block
    public CompletableFuture<Report> fast(String name) {
        return Async.sleep(Duration.ofMillis(20)).thenApply(v -> new Report(name, 42));
    }

    @Get("/combined")                                 // run blocking work off the loop, in parallel
    public CompletableFuture<List<Report>> combined() {
        return Async.gather(
                Async.offload(() -> read("a")),
                Async.offload(() -> read("b")));
    }

    @Delete(value = "/{name}", status = 204)
    public void delete(String name) {
        if (name.equals("locked")) throw new HttpException(409, "Report is locked", Map.of("Retry-After", "60"));
    }

    @Get("/{name}/download")
    public Response download(String name) {
        return Response.bytes(("report " + name).getBytes(), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
}
