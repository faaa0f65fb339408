package dev.brisk;

import java.util.Objects;

/**
 * Where {@link App.Builder#staticFiles(String, StaticFiles)} serves files from, and how. Immutable;
 * each method returns a new instance.
 *
 * <pre>{@code
 * App.builder().staticFiles("/static", StaticFiles.directory(Path.of("public")).immutableFingerprinted())
 *              .staticFiles("/app", StaticFiles.classpath("/webapp").spaFallback("index.html"))
 * }</pre>
 *
 * <p>Files are answered for GET and HEAD (other methods: 405 with {@code Allow}) with a content type
 * from the extension, {@code Content-Length}, {@code Last-Modified}, a strong {@code ETag},
 * {@code Accept-Ranges: bytes} and {@code X-Content-Type-Options: nosniff}; conditional requests
 * and byte ranges are honoured. A directory answers its {@code index.html} ({@code /dir} redirects to
 * {@code /dir/} with 308, keeping the query); there are no directory listings. Nothing outside the
 * root is reachable: no {@code ..}, encoded slashes or backslashes, absolute, drive or UNC paths,
 * symbolic links that leave the root, hidden files or hidden directories; all of these, missing files
 * and unreadable ones answer 404.
 */
public final class StaticFiles {
    final java.nio.file.Path directory;
    final String classpathRoot;
    final ClassLoader loader;
    final String index;
    final String spaFallback;
    final String cacheControl;
    final boolean immutableFingerprinted;

    private StaticFiles(java.nio.file.Path directory, String classpathRoot, ClassLoader loader, String index,
                        String spaFallback, String cacheControl, boolean immutableFingerprinted) {
        this.directory = directory;
        this.classpathRoot = classpathRoot;
        this.loader = loader;
        this.index = index;
        this.spaFallback = spaFallback;
        this.cacheControl = cacheControl;
        this.immutableFingerprinted = immutableFingerprinted;
    }

    /** Files under a directory (it must exist when the app is built). */
    public static StaticFiles directory(java.nio.file.Path dir) {
        return new StaticFiles(Objects.requireNonNull(dir, "dir"), null, null, "index.html", null, null, false);
    }

    /**
     * Files under a class-path folder, e.g. {@code "/public"} or {@code "classpath:/public"} (a
     * {@code src/main/resources/public} folder), found with the calling thread's class loader.
     */
    public static StaticFiles classpath(String folder) {
        String f = Objects.requireNonNull(folder, "folder");
        if (f.startsWith("classpath:")) f = f.substring("classpath:".length());
        while (f.startsWith("/")) f = f.substring(1);
        while (f.endsWith("/")) f = f.substring(0, f.length() - 1);
        if (f.isEmpty() || f.contains("..") || f.contains("\\")) {
            throw new IllegalArgumentException("a class-path folder such as \"/public\" is needed, not \"" + folder + "\"");
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new StaticFiles(null, f, cl != null ? cl : StaticFiles.class.getClassLoader(), "index.html", null, null, false);
    }

    /** The file a directory answers with (default {@code index.html}). */
    public StaticFiles index(String fileName) {
        return new StaticFiles(directory, classpathRoot, loader, checkName(fileName), spaFallback, cacheControl, immutableFingerprinted);
    }

    /** Directories answer 404, even with an index file in them. */
    public StaticFiles withoutIndex() {
        return new StaticFiles(directory, classpathRoot, loader, null, spaFallback, cacheControl, immutableFingerprinted);
    }

    /**
     * For single-page apps: a GET for a missing path whose last segment has no extension, from a client
     * that accepts {@code text/html} (a browser navigating), answers this file (e.g. {@code index.html})
     * with 200 and {@code Cache-Control: no-cache}. Missing assets ({@code app.js}) still answer 404.
     */
    public StaticFiles spaFallback(String fileName) {
        return new StaticFiles(directory, classpathRoot, loader, index, checkName(fileName), cacheControl, immutableFingerprinted);
    }

    /** A {@code Cache-Control} value for every file served (none by default). */
    public StaticFiles cacheControl(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) throw new IllegalArgumentException("a header value must be one line");
        return new StaticFiles(directory, classpathRoot, loader, index, spaFallback, value, immutableFingerprinted);
    }

    /**
     * Files whose name carries a content hash ({@code app.3f9a2b1c.js}, {@code app-3f9a2b1c.css}: a
     * segment of at least 8 hexadecimal digits before the extension) get
     * {@code Cache-Control: public, max-age=31536000, immutable}; others keep {@link #cacheControl}'s.
     */
    public StaticFiles immutableFingerprinted() {
        return new StaticFiles(directory, classpathRoot, loader, index, spaFallback, cacheControl, true);
    }

    private static String checkName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isEmpty() || fileName.startsWith(".") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a file name without a path is needed, not \"" + fileName + "\"");
        }
        return fileName;
    }

    @Override
    public String toString() {
        return "StaticFiles[" + (directory != null ? directory : "classpath:/" + classpathRoot) + "]";
    }
}
