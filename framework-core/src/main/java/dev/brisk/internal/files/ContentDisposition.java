package dev.brisk.internal.files;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values with a file name (RFC 6266): a plain {@code filename="..."} for
 * safe ASCII names, else an ASCII fallback plus {@code filename*=UTF-8''...} (RFC 8187/5987). CR, LF,
 * quotes, backslashes and other controls never reach the header: the fallback replaces them and the
 * extended form percent-encodes them.
 */
public final class ContentDisposition {
    private ContentDisposition() {
    }

    /** {@code type} is {@code attachment} or {@code inline}. */
    public static String of(String type, String filename) {
        if (filename.isEmpty()) return type;
        var fallback = new StringBuilder(filename.length());
        boolean plain = true;
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%') {
                plain = false;
                fallback.append('_');
                if (Character.isHighSurrogate(c) && i + 1 < filename.length()) i++;
            } else {
                fallback.append(c);
            }
        }
        String head = type + "; filename=\"" + fallback + "\"";
        return plain ? head : head + "; filename*=UTF-8''" + encode(filename);
    }

    /** RFC 8187 {@code value-chars}: attr-char as is, every other UTF-8 byte as %XX. */
    static String encode(String s) {
        var sb = new StringBuilder(s.length() * 2);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
