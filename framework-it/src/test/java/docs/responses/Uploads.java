package docs.responses;

import dev.brisk.Form;
import dev.brisk.Post;
import dev.brisk.UploadFile;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

public class Uploads {
    public record Stored(String filename, long size, String note) {}

    private final Path store;

    public Uploads(Path store) {
        this.store = store;
    }

    @Post("/photos")
    public Stored upload(UploadFile photo, @Form @Size(max = 200) String note) throws IOException {
        photo.transferTo(store.resolve(UUID.randomUUID() + ".jpg"));   // never the client's file name
        return new Stored(photo.filename(), photo.size(), note);
    }

    @Post("/albums")                               // several files in one field
    public List<String> album(List<UploadFile> photos) {
        return photos.stream().map(UploadFile::filename).toList();
    }
}
