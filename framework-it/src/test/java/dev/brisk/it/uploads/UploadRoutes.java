package dev.brisk.it.uploads;

import dev.brisk.Form;
import dev.brisk.Post;
import dev.brisk.UploadFile;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Upload routes; {@link #seenOnDisk} records what the spool folder held while a handler ran. */
public class UploadRoutes {
    public record Received(String filename, String contentType, long size, String sha256, String note) {}

    public final List<List<Path>> seenOnDisk = new CopyOnWriteArrayList<>();
    private final Path spoolDir;

    public UploadRoutes(Path spoolDir) {
        this.spoolDir = spoolDir;
    }

    @Post("/upload")
    public Received upload(UploadFile file, @Form @Size(max = 20) String note) throws Exception {
        seenOnDisk.add(listSpool());
        return new Received(file.filename(), file.contentType(), file.size(), sha256(file), note);
    }

    @Post("/many")
    public List<String> many(List<UploadFile> files) {
        return files.stream().map(f -> f.filename() + ":" + f.size()).toList();
    }

    @Post("/maybe")
    public String maybe(Optional<UploadFile> file, @Form Optional<String> title) {
        return file.map(UploadFile::filename).orElse("no file") + " / " + title.orElse("no title");
    }

    @Post("/fails")
    public String fails(UploadFile file) {
        seenOnDisk.add(listSpool());
        throw new IllegalStateException("the handler failed after the upload");
    }

    @Post("/copy")
    public Map<String, Object> copy(UploadFile file) throws IOException {
        Path target = Files.createTempFile("brisk-copy", ".bin");
        try {
            file.transferTo(target);
            return Map.of("copied", Files.size(target), "same", java.util.Arrays.equals(Files.readAllBytes(target), file.bytes()));
        } finally {
            Files.delete(target);
        }
    }

    @Post("/fields")
    public Map<String, Object> fields(@Form String name, @Form int age, @Form List<String> tags) {
        return Map.of("name", name, "age", age, "tags", tags);
    }

    /** True once no spool file is left (deletion runs on a worker just after the response is written), within 5 s. */
    boolean spoolEmptied() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!listSpool().isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    static String sha256(UploadFile f) throws Exception {
        var md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = f.inputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The spool files present now. */
    List<Path> listSpool() {
        try (var s = Files.list(spoolDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("brisk-upload-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
