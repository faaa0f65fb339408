package dev.brisk.it.files;

import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Routes answering with files in a folder of the test's: a 100-byte {@code data.bin} (byte i = i), and others. */
public class FileRoutes {
    public static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:09Z");
    private final Path dir;

    public FileRoutes(Path dir) {
        this.dir = dir;
        try {
            byte[] data = new byte[100];
            for (int i = 0; i < data.length; i++) data[i] = (byte) i;
            Files.write(dir.resolve("data.bin"), data);
            Files.setLastModifiedTime(dir.resolve("data.bin"), FileTime.from(MODIFIED));
            Files.writeString(dir.resolve("notes.txt"), "some notes\n");
            byte[] big = new byte[10_000];
            for (int i = 0; i < big.length; i++) big[i] = (byte) (i % 251);
            Files.write(dir.resolve("big.bin"), big);
            Files.write(dir.resolve("empty.bin"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/data")
    public Path data() {
        return dir.resolve("data.bin");
    }

    @Get("/big")
    public Path big() {
        return dir.resolve("big.bin");
    }

    @Get("/notes")
    public Response notes() {
        return Response.file(dir.resolve("notes.txt"));
    }

    @Get("/empty")
    public Path empty() {
        return dir.resolve("empty.bin");
    }

    @Get("/missing")
    public Path missing() {
        return dir.resolve("nope.txt");
    }

    @Get("/download")
    public Response download(String name) {
        return Response.download(dir.resolve("data.bin"), name);
    }

    @Get("/inline")
    public Response inline() {
        return Response.file(dir.resolve("notes.txt"), "notes.txt");
    }

    @Get("/typed")
    public Response typed() {
        return Response.file(dir.resolve("data.bin")).contentType("application/x-custom").header("Cache-Control", "max-age=60");
    }

    @Get("/later")
    public CompletableFuture<Path> later() {
        return CompletableFuture.completedFuture(dir.resolve("data.bin"));
    }

    @Post("/data")
    public Path post() {
        return dir.resolve("data.bin");
    }
}
