package dev.brisk;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file part of a {@code multipart/form-data} request: declare a parameter of this type (or
 * {@code Optional<UploadFile>}, {@code List<UploadFile>} for several files of one field). FastAPI's
 * {@code UploadFile}. Small files are held in memory, larger ones in a temporary file that is
 * deleted after the response; read the content before the handler returns (or within the body it
 * returns), and copy it with {@link #transferTo} to keep it.
 */
public interface UploadFile {
    /** The form field's name. */
    String name();

    /** The file name the client sent (may be empty; never a safe path on the server: do not use it as one). */
    String filename();

    /** The part's {@code Content-Type}; {@code application/octet-stream} when the client sent none. */
    String contentType();

    /** The size in bytes. */
    long size();

    /** A new stream over the content. */
    InputStream inputStream() throws IOException;

    /** The whole content (mind the size: up to {@link FormLimits#maxFileSize(long)}). */
    byte[] bytes() throws IOException;

    /** Copies the content to {@code target}, replacing it. */
    void transferTo(java.nio.file.Path target) throws IOException;
}
