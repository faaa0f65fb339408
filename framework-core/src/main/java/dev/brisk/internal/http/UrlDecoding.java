package dev.brisk.internal.http;

import java.nio.charset.StandardCharsets;

/** Percent-decoding (UTF-8) without allocation when nothing needs decoding. */
public final class UrlDecoding {
    private UrlDecoding() {
    }

    /** Decodes {@code s[from, to)}; {@code plusIsSpace} for query strings and forms. */
    public static String decode(String s, int from, int to, boolean plusIsSpace) {
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) break;
        }
        if (i == to) return s.substring(from, to);
        byte[] buf = new byte[to - from];
        int n = 0;
        for (int j = from; j < i; j++) {
            n = putChar(buf, n, s.charAt(j));
            if (n < 0) return slow(s, from, to, plusIsSpace);
        }
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to) {
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    buf[n++] = '%';
                } else {
                    buf[n++] = (byte) ((hi << 4) | lo);
                    i += 2;
                }
            } else if (c == '+' && plusIsSpace) {
                buf[n++] = ' ';
            } else {
                n = putChar(buf, n, c);
                if (n < 0) return slow(s, from, to, plusIsSpace);
            }
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static int putChar(byte[] buf, int n, char c) {
        if (c >= 0x80) return -1;
        buf[n] = (byte) c;
        return n + 1;
    }

    // Raw non-ASCII in a request target is unusual; decode via a byte round trip.
    private static String slow(String s, int from, int to, boolean plusIsSpace) {
        byte[] raw = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16), lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out[n++] = (byte) ((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            out[n++] = b == '+' && plusIsSpace ? (byte) ' ' : b;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
