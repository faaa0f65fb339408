package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.EventStream;
import dev.brisk.Form;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.ServerSentEvent;
import dev.brisk.StaticFiles;
import dev.brisk.UploadFile;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The tour's responses beyond JSON: a chunked text stream, server-sent events, a file download, an
 * upload, an HTML page; and, through {@link #install}, static files at {@code /static}.
 */
@Router(prefix = "/tour", tags = "streaming")
public class StreamingRoutes {
    /** The size of {@code /tour/file}; byte i is {@code i % 251}. */
    public static final int FILE_SIZE = 100_000;

    public record Tick(int n) {}

    public record Uploaded(String filename, long size, String sha256, String note) {}

    private final Path dataFile;

    /** @param dataFile where {@code /tour/file}'s content is (see {@link #writeDataFile}) */
    public StreamingRoutes(Path dataFile) {
        this.dataFile = dataFile;
    }

    /**
     * Adds these routes and the static files to {@code b}: from {@code staticDir} when given (the
     * command line's {@code --static DIR}), else the files bundled in the jar. The data file lives in a
     * temporary folder removed at shutdown.
     */
    public static App.Builder install(App.Builder b, Optional<Path> staticDir) {
        Path dir;
        try {
            dir = Files.createTempDirectory("brisk-tour");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = writeDataFile(dir.resolve("data.bin"));
        b.include(new StreamingRoutes(data));
        b.staticFiles("/static", staticDir.map(StaticFiles::directory).orElseGet(() -> StaticFiles.classpath("/dev/brisk/examples/tour/static")));
        b.onShutdown(() -> {
            Files.deleteIfExists(data);
            Files.deleteIfExists(dir);
        });
        return b;
    }

    /** Writes the {@value #FILE_SIZE}-byte file of {@code /tour/file} to {@code file}. */
    public static Path writeDataFile(Path file) {
        byte[] data = new byte[FILE_SIZE];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 251);
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/stream", summary = "Five chunks of text, chunked")
    public Stream<String> stream() {
        return IntStream.range(0, 5).mapToObj(i -> "chunk-" + i + "\n");
    }

    @Get(value = "/sse", summary = "Three server-sent events")
    public EventStream<Tick> sse() {
        return EventStream.of(IntStream.rangeClosed(1, 3)
                .mapToObj(i -> ServerSentEvent.of(new Tick(i)).withEvent("tick").withId(String.valueOf(i))));
    }

    @Get(value = "/file", summary = "A file download, with ranges and conditional requests")
    public Response file() {
        return Response.download(dataFile, "data.bin");
    }

    @Post(value = "/upload", summary = "A multipart upload: a file and a short note")
    public Uploaded upload(UploadFile file, @Form @Size(max = 20) String note) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = file.inputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
        }
        return new Uploaded(file.filename(), file.size(), HexFormat.of().formatHex(sha.digest()), note);
    }

    @Get(value = "/html", summary = "An HTML page")
    public Response html() {
        return Response.html("<!doctype html><title>Brisk tour</title><h1>Responses beyond JSON</h1>"
                + "<p><a href=\"/tour/stream\">stream</a> <a href=\"/tour/sse\">events</a> <a href=\"/tour/file\">file</a> "
                + "<a href=\"/static/\">static files</a></p>\n");
    }
}
