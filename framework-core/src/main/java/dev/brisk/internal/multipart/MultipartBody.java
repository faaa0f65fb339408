package dev.brisk.internal.multipart;

import dev.brisk.UploadFile;
import dev.brisk.internal.http.BodyRejected;
import dev.brisk.internal.http.StreamedBody;
import dev.brisk.internal.http.UrlEncoded;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code multipart/form-data} body parsed as it arrives: text fields are collected (within their
 * limits), file parts stay in memory up to the spool threshold and are then written to an owner-only
 * temporary file on the worker pool, one request's writes in order. Reading pauses while more than
 * {@link #HIGH} bytes wait for the disk. Temporary files are deleted by {@link #cleanup()}: after the
 * response, or when the request is refused or abandoned.
 */
public final class MultipartBody implements StreamedBody, MultipartParser.Handler {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");
    static final long HIGH = 1 << 20;
    static final long LOW = 256 << 10;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final FormConfig cfg;
    private final MultipartParser parser;
    private final SerialExecutor disk;
    private final AtomicLong pending = new AtomicLong();
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<UploadFile> files = new ArrayList<>();
    private final List<Spool> spools = new ArrayList<>();
    private volatile CompletableFuture<Void> resume;
    private volatile Throwable diskFailure;
    private volatile boolean cleaned;

    // the part being read (event loop only)
    private String partName;
    private String partFilename;
    private String partType;
    private long partSize;
    private List<ByteBuf> partMemory = new ArrayList<>();
    private Spool partSpool;
    private int fieldCount;
    private int fileCount;

    private MultipartBody(String boundary, FormConfig cfg, Executor workers) {
        this.cfg = cfg;
        this.parser = new MultipartParser(boundary, cfg.maxPartHeaderSize(), cfg.maxPartHeaders(), this);
        this.disk = new SerialExecutor(workers);
    }

    /** Whether a Content-Type is {@code multipart/form-data}. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, 19)
                && (contentType.length() == 19 || contentType.charAt(19) == ';' || contentType.charAt(19) == ' ');
    }

    /**
     * A parser for a body of {@code contentType}.
     *
     * @throws BodyRejected 400 without a valid boundary, 413 when it is longer than allowed
     */
    public static MultipartBody create(String contentType, FormConfig cfg, Executor workers) {
        String boundary = null;
        for (String param : contentType.substring(19).split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                boundary = p.substring(9).trim();
                if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) boundary = boundary.substring(1, boundary.length() - 1);
            }
        }
        if (boundary == null || boundary.isEmpty()) throw new BodyRejected(400, "Bad Request: multipart/form-data without a boundary");
        if (boundary.length() > cfg.maxBoundaryLength()) {
            throw new BodyRejected(413, "Request Entity Too Large: the multipart boundary is longer than " + cfg.maxBoundaryLength() + " characters");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok || c == ' ' && i == boundary.length() - 1) throw new BodyRejected(400, "Bad Request: invalid multipart boundary");
        }
        return new MultipartBody(boundary, cfg, workers);
    }

    // ------------------------------------------------------------------------------------ what binders read

    /** The text fields, in order. */
    public UrlEncoded fields() {
        return UrlEncoded.of(names, values);
    }

    /** The files of field {@code name}, in order. */
    public List<UploadFile> files(String name) {
        var out = new ArrayList<UploadFile>(1);
        for (UploadFile u : files) if (u.name().equals(name)) out.add(u);
        return out;
    }

    /** Whether a text field {@code name} was sent. */
    public boolean hasField(String name) {
        return names.contains(name);
    }

    // ------------------------------------------------------------------------------------ StreamedBody

    @Override
    public long maxLength() {
        return cfg.maxBodySize();
    }

    @Override
    public CompletionStage<?> data(ByteBuf piece) {
        if (cleaned) {
            piece.release();
            return null;
        }
        parser.feed(piece);
        if (diskFailure != null) throw storeFailed();
        if (pending.get() <= HIGH) return null;
        var f = new CompletableFuture<Void>();
        resume = f;
        if (pending.get() <= LOW) f.complete(null);   // drained meanwhile
        return f;
    }

    @Override
    public CompletionStage<?> end() {
        parser.finish();
        parser.release();
        var done = new CompletableFuture<Void>();
        disk.execute(() -> {
            for (Spool s : spools) s.closeChannel();
            if (diskFailure != null) done.completeExceptionally(storeFailed());
            else done.complete(null);
        });
        return done;
    }

    @Override
    public void abort() {
        cleanup();
    }

    /** Deletes the temporary files and releases what is held (on a worker); idempotent. */
    public void cleanup() {
        synchronized (this) {
            if (cleaned) return;
            cleaned = true;
        }
        parser.release();
        releaseMemory();
        var all = List.copyOf(spools);
        disk.execute(() -> {
            for (Spool s : all) s.delete();
        });
        var r = resume;
        if (r != null) r.complete(null);
    }

    private BodyRejected storeFailed() {
        return new BodyRejected(500, "Internal Server Error: the upload could not be stored");
    }

    // ------------------------------------------------------------------------------------ parts

    @Override
    public void partBegin(String name, String filename, String contentType) {
        partName = name;
        partFilename = filename;
        partType = contentType;
        partSize = 0;
        partSpool = null;
        if (filename != null) {
            if (++fileCount > cfg.maxFiles()) throw new BodyRejected(413, "Request Entity Too Large: more than " + cfg.maxFiles() + " files");
        } else if (++fieldCount > cfg.maxFields()) {
            throw new BodyRejected(413, "Request Entity Too Large: more than " + cfg.maxFields() + " form fields");
        }
    }

    @Override
    public void partData(ByteBuf data) {
        int n = data.readableBytes();
        partSize += n;
        if (partFilename == null) {
            if (partSize > cfg.maxFieldSize()) {
                data.release();
                throw new BodyRejected(413, "Request Entity Too Large: the form field '" + partName + "' is larger than " + cfg.maxFieldSize() + " bytes");
            }
            partMemory.add(data);
            return;
        }
        if (partSize > cfg.maxFileSize()) {
            data.release();
            throw new BodyRejected(413, "Request Entity Too Large: the file '" + partName + "' is larger than " + cfg.maxFileSize() + " bytes");
        }
        if (partSpool == null && partSize <= cfg.spoolThreshold()) {
            partMemory.add(data);
            return;
        }
        if (partSpool == null) {
            partSpool = new Spool();
            spools.add(partSpool);
            var s = partSpool;
            disk.execute(s::create);
            var held = partMemory;
            partMemory = new ArrayList<>();
            for (ByteBuf b : held) write(s, b);
        }
        write(partSpool, data);
    }

    @Override
    public void partEnd() {
        if (partFilename == null) {
            names.add(partName);
            values.add(new String(concat(), StandardCharsets.UTF_8));
        } else if (partSpool == null) {
            files.add(new Upload(partName, partFilename, partType, partSize, concat(), null));
        } else {
            files.add(new SpooledUpload(partName, partFilename, partType, partSize, partSpool));
        }
        partSpool = null;
    }

    private byte[] concat() {
        int total = 0;
        for (ByteBuf b : partMemory) total += b.readableBytes();
        byte[] out = new byte[total];
        int at = 0;
        for (ByteBuf b : partMemory) {
            int n = b.readableBytes();
            b.getBytes(b.readerIndex(), out, at, n);
            at += n;
            b.release();
        }
        partMemory.clear();
        return out;
    }

    private void releaseMemory() {
        for (ByteBuf b : partMemory) if (b.refCnt() > 0) b.release();
        partMemory.clear();
    }

    private void write(Spool s, ByteBuf b) {
        int n = b.readableBytes();
        pending.addAndGet(n);
        disk.execute(() -> {
            try {
                if (!cleaned && diskFailure == null) s.write(b);
            } catch (IOException e) {
                diskFailure = e;
                LOG.error("Storing an upload in {} failed", cfg.tempDirectory(), e);
            } finally {
                b.release();
                if (pending.addAndGet(-n) <= LOW) {
                    var r = resume;
                    if (r != null) r.complete(null);
                }
            }
        });
    }

    /** A temporary file, created and written on the disk executor only. */
    final class Spool {
        private volatile Path path;
        private FileChannel channel;
        private boolean deleted;

        void create() {
            if (cleaned || diskFailure != null) return;
            try {
                Path dir = cfg.tempDirectory();
                path = POSIX ? Files.createTempFile(dir, "brisk-upload-", ".part", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile(dir, "brisk-upload-", ".part");
                channel = FileChannel.open(path, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                diskFailure = e;
                LOG.error("Creating a temporary file for an upload in {} failed", cfg.tempDirectory(), e);
            }
        }

        void write(ByteBuf b) throws IOException {
            if (channel == null) return;
            for (ByteBuffer nio : b.nioBuffers()) {
                while (nio.hasRemaining()) channel.write(nio);
            }
        }

        void closeChannel() {
            var c = channel;
            channel = null;
            if (c == null) return;
            try {
                c.close();
            } catch (IOException e) {
                diskFailure = e;
            }
        }

        void delete() {
            closeChannel();
            if (deleted || path == null) return;
            deleted = true;
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Cannot delete the temporary upload file {}", path, e);
            }
        }

        Path path() {
            return path;
        }
    }

    /** An upload in a spool file, whose path is known once the disk executor created it. */
    private static final class SpooledUpload implements UploadFile {
        private final String name, filename, contentType;
        private final long size;
        private final Spool spool;

        SpooledUpload(String name, String filename, String contentType, long size, Spool spool) {
            this.name = name;
            this.filename = filename;
            this.contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
            this.size = size;
            this.spool = spool;
        }

        private Upload view() {
            return new Upload(name, filename, contentType, size, null, spool.path());
        }

        @Override public String name() { return name; }
        @Override public String filename() { return filename; }
        @Override public String contentType() { return contentType; }
        @Override public long size() { return size; }
        @Override public java.io.InputStream inputStream() throws IOException { return view().inputStream(); }
        @Override public byte[] bytes() throws IOException { return view().bytes(); }
        @Override public void transferTo(Path target) throws IOException { view().transferTo(target); }

        @Override
        public String toString() {
            return "UploadFile[" + name + ", " + filename + ", " + contentType + ", " + size + " bytes, on disk]";
        }
    }

    /** The temporary files this body made (for tests: all gone after the response). */
    public List<Path> spoolFiles() {
        var out = new ArrayList<Path>();
        for (Spool s : spools) if (s.path() != null) out.add(s.path());
        return out;
    }
}
