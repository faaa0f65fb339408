package dev.brisk.cache.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Redis values: bytes behind a small versioned header, never Java serialization. A value this
 * version cannot read (another magic, a later version, a truncated value) is a miss, so entries
 * written by a newer release are simply recomputed.
 *
 * <pre>
 * 'B' 'K' version(1) kind(1)            kind 1: response, 2: a value put through the Cache API
 * storedAt(i64 ms) expiresAt(i64 ms)
 * response: status(u16) contentType(i32 length, -1 none, UTF-8) etag(u16 length, ASCII)
 *           headers(u16 count, each name and value as i32 length + UTF-8) body(i32 length + bytes)
 * value:    data(i32 length + bytes)
 * </pre>
 */
public final class EntryCodec {
    static final byte M0 = 'B';
    static final byte M1 = 'K';
    static final byte VERSION = 1;
    static final byte RESPONSE = 1;
    static final byte VALUE = 2;

    private EntryCodec() {
    }

    /** A value of the Cache API, as stored. */
    public record Value(byte[] data, long storedAt, long expiresAt) {
        int weight() {
            return 64 + data.length;
        }
    }

    public static byte[] encode(Entry e) {
        byte[] ct = e.contentType == null ? null : e.contentType.getBytes(StandardCharsets.UTF_8);
        byte[] tag = e.etag.getBytes(StandardCharsets.US_ASCII);
        byte[][] n = new byte[e.names.length][];
        byte[][] v = new byte[e.names.length][];
        int size = 4 + 16 + 2 + 4 + (ct == null ? 0 : ct.length) + 2 + tag.length + 2 + 4 + e.body.length;
        for (int i = 0; i < n.length; i++) {
            n[i] = e.names[i].getBytes(StandardCharsets.UTF_8);
            v[i] = e.values[i].getBytes(StandardCharsets.UTF_8);
            size += 8 + n[i].length + v[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(M0).put(M1).put(VERSION).put(RESPONSE).putLong(e.storedAt).putLong(e.expiresAt);
        b.putShort((short) e.status);
        if (ct == null) {
            b.putInt(-1);
        } else {
            b.putInt(ct.length).put(ct);
        }
        b.putShort((short) tag.length).put(tag);
        b.putShort((short) n.length);
        for (int i = 0; i < n.length; i++) b.putInt(n[i].length).put(n[i]).putInt(v[i].length).put(v[i]);
        b.putInt(e.body.length).put(e.body);
        return b.array();
    }

    public static byte[] encode(Value v) {
        ByteBuffer b = ByteBuffer.allocate(4 + 16 + 4 + v.data.length);
        b.put(M0).put(M1).put(VERSION).put(VALUE).putLong(v.storedAt).putLong(v.expiresAt).putInt(v.data.length).put(v.data);
        return b.array();
    }

    /** The response in {@code bytes}, or null when it is not one this version wrote. */
    public static Entry decodeEntry(byte[] bytes) {
        if (!header(bytes, RESPONSE)) return null;
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, 4, bytes.length - 4);
            long storedAt = b.getLong();
            long expiresAt = b.getLong();
            int status = b.getShort() & 0xFFFF;
            if (status < 100 || status > 599) return null;
            int ctLen = b.getInt();
            String ct = ctLen < 0 ? null : string(b, ctLen);
            String etag = string(b, b.getShort() & 0xFFFF);
            int count = b.getShort() & 0xFFFF;
            var names = new String[count];
            var values = new String[count];
            for (int i = 0; i < count; i++) {
                names[i] = string(b, b.getInt());
                values[i] = string(b, b.getInt());
            }
            int len = b.getInt();
            if (len < 0 || len != b.remaining()) return null;
            byte[] body = new byte[len];
            b.get(body);
            return new Entry(status, ct, names, values, body, etag, storedAt, expiresAt);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The value in {@code bytes}, or null when it is not one this version wrote. */
    public static Value decodeValue(byte[] bytes) {
        if (!header(bytes, VALUE)) return null;
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, 4, bytes.length - 4);
            long storedAt = b.getLong();
            long expiresAt = b.getLong();
            int len = b.getInt();
            if (len < 0 || len != b.remaining()) return null;
            byte[] data = new byte[len];
            b.get(data);
            return new Value(data, storedAt, expiresAt);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean header(byte[] bytes, byte kind) {
        return bytes != null && bytes.length >= 4 && bytes[0] == M0 && bytes[1] == M1 && bytes[2] == VERSION && bytes[3] == kind;
    }

    private static String string(ByteBuffer b, int len) {
        if (len < 0 || len > b.remaining()) throw new IllegalArgumentException("length");
        String s = new String(b.array(), b.arrayOffset() + b.position(), len, StandardCharsets.UTF_8);
        b.position(b.position() + len);
        return s;
    }
}
