package dev.brisk.internal.multipart;

import java.nio.file.Path;

/** The form limits as the dispatcher uses them (from {@code dev.brisk.FormLimits}). */
public record FormConfig(int maxFiles, int maxFields, long maxFieldSize, long maxFileSize, long maxBodySize, int maxPartHeaders,
                         int maxPartHeaderSize, int maxBoundaryLength, long spoolThreshold, Path tempDirectory) {
    /** FastAPI-like defaults (see {@code FormLimits.defaults()}). */
    public static final FormConfig DEFAULTS = new FormConfig(1000, 1000, 1 << 20, 100L << 20, 100L << 20, 16, 8192, 70, 1 << 20,
            Path.of(System.getProperty("java.io.tmpdir")));
}
