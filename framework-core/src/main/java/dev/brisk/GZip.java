package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.GZipFilter;

/**
 * Compresses responses with gzip (or deflate) when the client's {@code Accept-Encoding} allows it.
 *
 * <pre>{@code
 * App.builder().middleware(GZip.minimumSize(1024))
 * }</pre>
 *
 * <p>What is compressed: bodies of at least the minimum size (default 1 KiB) whose type is text
 * ({@code text/*}), JSON, XML, JavaScript or SVG (and {@code +json}, {@code +xml} types). Never:
 * {@code text/event-stream}, partial content (206), a response with {@code Cache-Control: no-transform},
 * or one that already has a {@code Content-Encoding}. {@code Accept-Encoding} is read with its
 * q-values ({@code gzip;q=0} refuses gzip; {@code *} stands for codings not listed); gzip wins a tie.
 * Responses of compressible types get {@code Vary: Accept-Encoding} whether compressed or not; a
 * compressed one has a weak {@code ETag} and no {@code Accept-Ranges}. A streamed body is compressed
 * piece by piece, each piece sent (flushed) as it comes. HEAD answers carry the headers of GET.
 * Brotli and zstd are not offered: Java has no maintained pure-Java encoder for them.
 *
 * <p>Register it inside middleware that reads or changes bodies, and outside those that should see
 * them uncompressed. Instances are immutable: each method returns a new one.
 */
public final class GZip implements Middleware {
    private final int minimumSize;
    private final int level;

    private GZip(int minimumSize, int level) {
        this.minimumSize = minimumSize;
        this.level = level;
    }

    /** Compression with the defaults: bodies of 1 KiB or more, zlib level 6. */
    public static GZip create() {
        return new GZip(1024, 6);
    }

    /** Compression of bodies of at least {@code bytes} bytes (zlib level 6). */
    public static GZip minimumSize(int bytes) {
        return new GZip(bytes, 6);
    }

    /** The zlib level: 1 (fastest) to 9 (smallest); default 6. */
    public GZip level(int level) {
        return new GZip(minimumSize, level);
    }

    /**
     * Brisk's filter for this configuration; applications do not call it.
     *
     * @throws StartupException when a setting is out of range
     */
    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new GZipFilter(minimumSize, level);
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "GZip[minimumSize=" + minimumSize + ", level=" + level + "]";
    }
}
