package dev.brisk.internal.middleware;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.util.AsciiString;

import java.util.Iterator;

/**
 * Content negotiation on {@code Accept-Encoding} (RFC 9110 §12.5.3) for the codings Brisk produces,
 * parsed in place: q-values (in thousandths; {@code gzip;q=0} means "not gzip"), {@code *} for the
 * codings not listed, {@code x-gzip} as {@code gzip}. An element with a malformed q-value is ignored.
 */
enum AcceptEncoding {
    GZIP(AsciiString.cached("gzip"), ZlibWrapper.GZIP),
    DEFLATE(AsciiString.cached("deflate"), ZlibWrapper.ZLIB);

    final AsciiString token;
    final ZlibWrapper wrapper;

    AcceptEncoding(AsciiString token, ZlibWrapper wrapper) {
        this.token = token;
        this.wrapper = wrapper;
    }

    /** The coding to use for a request, or null for none (no header, nothing acceptable). Ties prefer gzip. */
    static AcceptEncoding choose(HttpHeaders headers) {
        Iterator<String> it = headers.valueStringIterator(HttpHeaderNames.ACCEPT_ENCODING);
        if (!it.hasNext()) return null;
        int[] q = {-1, -1, -1};   // gzip, deflate, *
        while (it.hasNext()) parse(it.next(), q);
        int gzip = q[0] >= 0 ? q[0] : Math.max(q[2], 0);
        int deflate = q[1] >= 0 ? q[1] : Math.max(q[2], 0);
        if (gzip <= 0 && deflate <= 0) return null;
        return gzip >= deflate ? GZIP : DEFLATE;
    }

    /** Parses one header line into {@code q} (the highest q seen per coding). */
    static void parse(String s, int[] q) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && (Tokens.isSpace(s.charAt(i)) || s.charAt(i) == ',')) i++;
            if (i == n) return;
            int start = i;
            while (i < n && Tokens.isTokenChar(s.charAt(i))) i++;
            int end = i;
            int value = 1000;
            boolean valid = end > start;
            // parameters: ;name=value ... (only q matters)
            while (i < n && s.charAt(i) != ',') {
                char c = s.charAt(i);
                if (Tokens.isSpace(c)) {
                    i++;
                } else if (c == ';') {
                    i++;
                    while (i < n && Tokens.isSpace(s.charAt(i))) i++;
                    int ps = i;
                    while (i < n && Tokens.isTokenChar(s.charAt(i))) i++;
                    int pe = i;
                    while (i < n && Tokens.isSpace(s.charAt(i))) i++;
                    if (i >= n || s.charAt(i) != '=') {
                        valid = false;
                        continue;
                    }
                    i++;
                    while (i < n && Tokens.isSpace(s.charAt(i))) i++;
                    int vs = i;
                    while (i < n && s.charAt(i) != ',' && s.charAt(i) != ';' && !Tokens.isSpace(s.charAt(i))) i++;
                    if (pe - ps == 1 && (s.charAt(ps) == 'q' || s.charAt(ps) == 'Q')) {
                        value = qvalue(s, vs, i);
                        if (value < 0) valid = false;
                    }
                } else {
                    valid = false;   // junk after the coding: skip the element
                    i++;
                }
            }
            if (!valid) continue;
            int len = end - start;
            int slot;
            if (len == 4 && s.regionMatches(true, start, "gzip", 0, 4) || len == 6 && s.regionMatches(true, start, "x-gzip", 0, 6)) {
                slot = 0;
            } else if (len == 7 && s.regionMatches(true, start, "deflate", 0, 7)) {
                slot = 1;
            } else if (len == 1 && s.charAt(start) == '*') {
                slot = 2;
            } else {
                continue;
            }
            q[slot] = Math.max(q[slot], value);
        }
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} in thousandths, or -1. */
    static int qvalue(String s, int start, int end) {
        if (end <= start) return -1;
        char first = s.charAt(start);
        if (first != '0' && first != '1') return -1;
        int v = (first - '0') * 1000;
        if (end == start + 1) return v;
        if (s.charAt(start + 1) != '.' || end - start - 2 > 3) return -1;
        int scale = 100;
        for (int i = start + 2; i < end; i++, scale /= 10) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v += (c - '0') * scale;
        }
        return v > 1000 ? -1 : v;
    }
}
