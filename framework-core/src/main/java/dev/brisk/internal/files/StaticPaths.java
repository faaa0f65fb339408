package dev.brisk.internal.files;

import dev.brisk.internal.http.UrlDecoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw rest of a static-file URL into path segments, refusing everything that could leave the
 * served root or reach what it hides: the text is decoded exactly once; encoded {@code /} and {@code \},
 * backslashes, NUL and other control characters, {@code .} and {@code ..} segments, empty segments
 * ({@code //}: absolute and UNC forms), colons (drive letters, {@code file:} URLs, NTFS streams),
 * trailing dots and spaces (which Windows drops), and hidden names (a leading dot, at any depth).
 */
final class StaticPaths {
    private StaticPaths() {
    }

    /** The decoded segments, or null when the path is refused. An empty raw path gives no segments. */
    static List<String> segments(String raw) {
        if (raw.isEmpty()) return List.of();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' || c < 0x21 || c == 0x7f) return null;
            if (c == '%' && i + 2 < raw.length()) {
                char a = raw.charAt(i + 1), b = Character.toLowerCase(raw.charAt(i + 2));
                // %2F (/), %5C (\), %00 and the other controls %01-%1F
                if (a == '2' && b == 'f' || a == '5' && b == 'c' || a == '0' || a == '1') return null;
            }
        }
        var out = new ArrayList<String>(4);
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i < raw.length() && raw.charAt(i) != '/') continue;
            String seg = UrlDecoding.decode(raw, start, i, false);
            if (!safe(seg)) return null;
            out.add(seg);
            start = i + 1;
        }
        return out;
    }

    private static boolean safe(String seg) {
        if (seg.isEmpty() || seg.charAt(0) == '.') return false;   // "", ".", "..", hidden names
        char last = seg.charAt(seg.length() - 1);
        if (last == '.' || last == ' ') return false;
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '\uFFFD') return false;
        }
        return true;
    }
}
