package dev.brisk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits on form bodies, for {@link App.Builder#formLimits(FormLimits)}. Immutable; each method
 * returns a copy with one limit changed. A body that breaks a limit is answered with 413, a malformed
 * one with 400, and invalid fields with 422. The defaults follow FastAPI's (Starlette's) where it has
 * them: at most 1,000 files, 1,000 fields, 1 MiB per text field; and add what it lacks: 100 MiB per
 * file and per multipart body, 16 headers of at most 8 KiB per part, a boundary of at most 70
 * characters (RFC 2046's limit). Text fields and urlencoded forms obey the field limits too.
 *
 * <p>Multipart bodies are parsed as they arrive (never held whole in memory): a file part of more
 * than {@link #spoolThreshold(long)} bytes (1 MiB by default) is written to a temporary file, readable
 * only by the server's user, and deleted after the response is sent (also when the request fails or
 * the client leaves).
 */
public final class FormLimits {
    final int maxFiles;
    final int maxFields;
    final long maxFieldSize;
    final long maxFileSize;
    final long maxBodySize;
    final int maxPartHeaders;
    final int maxPartHeaderSize;
    final int maxBoundaryLength;
    final long spoolThreshold;
    final Path tempDirectory;

    private FormLimits(int maxFiles, int maxFields, long maxFieldSize, long maxFileSize, long maxBodySize, int maxPartHeaders,
                       int maxPartHeaderSize, int maxBoundaryLength, long spoolThreshold, Path tempDirectory) {
        this.maxFiles = maxFiles;
        this.maxFields = maxFields;
        this.maxFieldSize = maxFieldSize;
        this.maxFileSize = maxFileSize;
        this.maxBodySize = maxBodySize;
        this.maxPartHeaders = maxPartHeaders;
        this.maxPartHeaderSize = maxPartHeaderSize;
        this.maxBoundaryLength = maxBoundaryLength;
        this.spoolThreshold = spoolThreshold;
        this.tempDirectory = tempDirectory;
    }

    /** The defaults described above; temporary files in {@code java.io.tmpdir}. */
    public static FormLimits defaults() {
        return new FormLimits(1000, 1000, 1 << 20, 100L << 20, 100L << 20, 16, 8192, 70, 1 << 20, null);
    }

    /** Most file parts in one body. */
    public FormLimits maxFiles(int n) {
        return new FormLimits(positive(n), maxFields, maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Most text fields in one body (multipart or urlencoded). */
    public FormLimits maxFields(int n) {
        return new FormLimits(maxFiles, positive(n), maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Largest text field in bytes. */
    public FormLimits maxFieldSize(long bytes) {
        return new FormLimits(maxFiles, maxFields, positive(bytes), maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Largest file part in bytes. */
    public FormLimits maxFileSize(long bytes) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, positive(bytes), maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Largest multipart body in bytes (an urlencoded form obeys {@link App.Builder#maxBodySize(long)}). */
    public FormLimits maxBodySize(long bytes) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, positive(bytes), maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Most header lines of one part. */
    public FormLimits maxPartHeaders(int n) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, maxBodySize, positive(n), maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Largest header block of one part, in bytes. */
    public FormLimits maxPartHeaderSize(int bytes) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, positive(bytes),
                maxBoundaryLength, spoolThreshold, tempDirectory);
    }

    /** Longest boundary of a multipart body. */
    public FormLimits maxBoundaryLength(int n) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                positive(n), spoolThreshold, tempDirectory);
    }

    /** File parts larger than this are written to a temporary file; smaller ones stay in memory. */
    public FormLimits spoolThreshold(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("spoolThreshold must be >= 0");
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, bytes, tempDirectory);
    }

    /** Where temporary files go (default {@code java.io.tmpdir}). */
    public FormLimits tempDirectory(Path dir) {
        return new FormLimits(maxFiles, maxFields, maxFieldSize, maxFileSize, maxBodySize, maxPartHeaders, maxPartHeaderSize,
                maxBoundaryLength, spoolThreshold, Objects.requireNonNull(dir, "dir"));
    }

    /** The directory for temporary files, if one was chosen. */
    public Optional<Path> tempDirectory() {
        return Optional.ofNullable(tempDirectory);
    }

    private static int positive(int n) {
        if (n < 1) throw new IllegalArgumentException("a limit must be >= 1: " + n);
        return n;
    }

    private static long positive(long n) {
        if (n < 1) throw new IllegalArgumentException("a limit must be >= 1: " + n);
        return n;
    }

    @Override
    public String toString() {
        return "FormLimits[files=" + maxFiles + ", fields=" + maxFields + ", fieldSize=" + maxFieldSize + ", fileSize=" + maxFileSize
                + ", bodySize=" + maxBodySize + ", partHeaders=" + maxPartHeaders + "/" + maxPartHeaderSize + "B, boundary="
                + maxBoundaryLength + ", spool=" + spoolThreshold + "]";
    }
}
