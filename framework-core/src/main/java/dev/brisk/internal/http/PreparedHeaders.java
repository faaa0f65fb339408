package dev.brisk.internal.http;

import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;

/**
 * Header lines made once and given to many replies (a cache's hits): the names and values a reply
 * reads, and the same lines already encoded as {@code name: value\r\n} bytes, which the transport
 * writes in one copy. A reply that changes its headers takes copies first and stops using the bytes,
 * so what is sent is always what the reply says. Never holds the content type (a field of the reply)
 * nor {@code Connection} (the transport's).
 */
public final class PreparedHeaders {
    final CharSequence[] names;
    final CharSequence[] values;
    private final byte[] encoded;

    private PreparedHeaders(CharSequence[] names, CharSequence[] values, byte[] encoded) {
        this.names = names;
        this.values = values;
        this.encoded = encoded;
    }

    /**
     * The lines {@code names[i]: values[i]}, in order; the arrays are copied. Names and values are
     * trusted as {@link Reply#addHeader} trusts them (checking user input is the caller's job).
     */
    public static PreparedHeaders of(CharSequence[] names, CharSequence[] values) {
        if (names.length != values.length) throw new IllegalArgumentException("names and values differ in length");
        var out = new java.io.ByteArrayOutputStream(32 * names.length);
        for (int i = 0; i < names.length; i++) {
            CharSequence n = names[i];
            if (AsciiString.contentEqualsIgnoreCase(n, Reply.CONTENT_TYPE) || AsciiString.contentEqualsIgnoreCase(n, "connection")) {
                throw new IllegalArgumentException("not a prepared header: " + n);
            }
            out.writeBytes(ascii(n));
            out.write(':');
            out.write(' ');
            out.writeBytes(ascii(values[i]));
            out.write('\r');
            out.write('\n');
        }
        return new PreparedHeaders(names.clone(), values.clone(), out.toByteArray());
    }

    /** As the transport writes any header: ASCII as is, any other character as {@code ?}. */
    private static byte[] ascii(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public int size() {
        return names.length;
    }

    /** The lines as the transport writes them. */
    public byte[] encoded() {
        return encoded;
    }
}
