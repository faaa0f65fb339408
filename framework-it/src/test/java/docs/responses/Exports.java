package docs.responses;

import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.Router;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

@Router(prefix = "/exports")
public class Exports {
    private final Path dir;

    public Exports(Path dir) {
        this.dir = dir;
    }

    @Get("/numbers")                               // Stream<String>: text/plain, chunked
    public Stream<String> numbers() {
        return IntStream.range(0, 3).mapToObj(i -> i + "\n");
    }

    @Get("/report.csv")                            // written on a worker, as fast as the client reads
    public Response report() {
        return Response.stream("text/csv", out -> {
            for (int i = 0; i < 3; i++) out.write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    @Get("/backup")                                // an InputStream, closed at the end or when the client leaves
    public InputStream backup() throws IOException {
        return Files.newInputStream(dir.resolve("backup.tar"));
    }
}
