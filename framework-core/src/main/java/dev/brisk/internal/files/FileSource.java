package dev.brisk.internal.files;

import dev.brisk.internal.http.Body;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * One file's representation, open and ready to send: its length, validators and content. A disk
 * file is sent with zero copy where the transport allows; a class-path resource from memory.
 */
public abstract class FileSource implements AutoCloseable {
    private final String name;
    private final long length;
    private final long lastModified;
    private final String etag;

    FileSource(String name, long length, long lastModifiedSeconds, String etag) {
        this.name = name;
        this.length = length;
        this.lastModified = lastModifiedSeconds;
        this.etag = etag;
    }

    /** The file name (for the content type). */
    public String name() {
        return name;
    }

    public long length() {
        return length;
    }

    /** Seconds since the epoch. */
    public long lastModified() {
        return lastModified;
    }

    /** A strong entity tag, quotes included. */
    public String etag() {
        return etag;
    }

    /** A body of {@code len} bytes from {@code offset}; the body owns what it needs (closing it is the transport's). */
    abstract Body body(long offset, long len);

    /** Reads {@code len} bytes at {@code position} into {@code dst} (blocking; on a worker). */
    abstract void read(long position, ByteBuf dst, int len) throws IOException;

    /** Releases the file when no body took it. */
    @Override
    public abstract void close();

    /**
     * Opens a disk file (blocking: call it on a worker). Null when it does not exist, is not a
     * regular file, or cannot be read (permissions): the caller answers 404 for all of these.
     */
    public static FileSource open(Path file) {
        try {
            var attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) return null;
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            long mtimeNanos = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtimeNanos) + "\"";
            Path fn = file.getFileName();
            return new Disk(fn == null ? "" : fn.toString(), size, attrs.lastModifiedTime().to(TimeUnit.SECONDS), etag, ch);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Bytes in memory (a class-path resource); the entity tag is a checksum of the content. */
    public static FileSource bytes(String name, byte[] content, long lastModifiedSeconds) {
        var crc = new CRC32();
        crc.update(content);
        String etag = "\"" + Long.toHexString(content.length) + "-" + Long.toHexString(crc.getValue()) + "\"";
        return new Memory(name, content, lastModifiedSeconds, etag);
    }

    private static final class Disk extends FileSource {
        private final FileChannel channel;
        private boolean handedOver;

        Disk(String name, long length, long lastModified, String etag, FileChannel channel) {
            super(name, length, lastModified, etag);
            this.channel = channel;
        }

        @Override
        Body body(long offset, long len) {
            handedOver = true;
            return new Body.File(channel, offset, len);
        }

        @Override
        void read(long position, ByteBuf dst, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int n = dst.writeBytes(channel, position + done, len - done);
                if (n < 0) throw new IOException("the file ended early at " + (position + done));
                done += n;
            }
        }

        @Override
        public void close() {
            if (handedOver) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // only read
            }
        }
    }

    private static final class Memory extends FileSource {
        private final byte[] content;

        Memory(String name, byte[] content, long lastModified, String etag) {
            super(name, content.length, lastModified, etag);
            this.content = content;
        }

        @Override
        Body body(long offset, long len) {
            return len == 0 ? Body.EMPTY : new Body.Bytes(Unpooled.wrappedBuffer(content, (int) offset, (int) len));
        }

        @Override
        void read(long position, ByteBuf dst, int len) {
            dst.writeBytes(content, (int) position, len);
        }

        @Override
        public void close() {
        }
    }
}
