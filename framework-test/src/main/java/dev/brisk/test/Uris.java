package dev.brisk.test;

import java.nio.charset.StandardCharsets;

/** Builds request targets the way an HTTP client library would (httpx for FastAPI's TestClient). */
final class Uris {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Uris() {
    }

    /** The authority of an absolute {@code http(s)://host/...} URL, or null for a plain path. */
    static String authority(String url) {
        int start = schemeEnd(url);
        if (start < 0) return null;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        return url.substring(start, end);
    }

    /**
     * The origin-form target for {@code url} (a path, or an absolute URL whose path is taken):
     * leading slash added, fragment dropped, characters that may not appear in a URI percent-encoded
     * (existing {@code %XX} escapes and reserved characters are kept).
     */
    static String target(String url) {
        int start = schemeEnd(url);
        String rest = url;
        if (start >= 0) {
            int end = start;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
            rest = url.substring(end);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) rest = rest.substring(0, hash);
        if (!rest.startsWith("/")) rest = "/" + rest;
        return encodeIllegal(rest);
    }

    /** Appends {@code name=value} (both percent-encoded as UTF-8) to the target's query string. */
    static void appendQuery(StringBuilder target, String name, String value) {
        int q = target.indexOf("?");
        if (q < 0) target.append('?');
        else if (q != target.length() - 1 && target.charAt(target.length() - 1) != '&') target.append('&');
        encodeComponent(target, name);
        target.append('=');
        encodeComponent(target, value);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (a space becomes {@code %20}). */
    static void encodeComponent(StringBuilder sb, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                escape(sb, c);
            }
        }
    }

    private static String encodeIllegal(String s) {
        StringBuilder sb = null;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]))) legal = false;
            if (sb == null && !legal) {
                sb = new StringBuilder(bytes.length + 16);
                for (int j = 0; j < i; j++) sb.append((char) bytes[j]);
            }
            if (sb == null) continue;
            if (legal) sb.append((char) c);
            else escape(sb, c);
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static void escape(StringBuilder sb, int c) {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }

    private static int schemeEnd(String url) {
        if (url.regionMatches(true, 0, "http://", 0, 7)) return 7;
        if (url.regionMatches(true, 0, "https://", 0, 8)) return 8;
        return -1;
    }
}
