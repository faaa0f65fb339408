package dev.brisk.internal.multipart;

import dev.brisk.UploadFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A received file part: in memory, or in a temporary file owned by its form. */
final class Upload implements UploadFile {
    private final String name;
    private final String filename;
    private final String contentType;
    private final long size;
    private final byte[] memory;
    private final Path file;

    Upload(String name, String filename, String contentType, long size, byte[] memory, Path file) {
        this.name = name;
        this.filename = filename;
        this.contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        this.size = size;
        this.memory = memory;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String filename() {
        return filename;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream inputStream() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    @Override
    public byte[] bytes() throws IOException {
        return memory != null ? memory.clone() : Files.readAllBytes(file);
    }

    @Override
    public void transferTo(Path target) throws IOException {
        if (memory != null) Files.write(target, memory);
        else Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where the content is spooled, if on disk (tests check that it is gone after the response). */
    Path spooled() {
        return file;
    }

    @Override
    public String toString() {
        return "UploadFile[" + name + ", " + filename + ", " + contentType + ", " + size + " bytes" + (file != null ? ", on disk" : "") + "]";
    }
}
