package dev.brisk.internal.websocket;

import dev.brisk.RequestValidationException;
import dev.brisk.ValidationError;


/** Close reasons as RFC 6455 allows them: at most 123 bytes of UTF-8 (a control frame's 125 less the code). */
public final class CloseReasons {
    public static final int MAX_BYTES = 123;

    private CloseReasons() {
    }

    /** {@code reason} cut to 123 bytes of UTF-8, never inside a character; a lone surrogate becomes '?'. */
    public static String truncate(String reason) {
        if (reason == null || reason.isEmpty()) return "";
        var sb = new StringBuilder(Math.min(reason.length(), MAX_BYTES));
        int bytes = 0;
        for (int i = 0; i < reason.length(); ) {
            int cp = reason.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) cp = '?';
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > MAX_BYTES) break;
            bytes += len;
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** A short reason for a message that failed validation: its first problem, e.g. {@code "invalid message: text: Field required"}. */
    public static String of(RequestValidationException e) {
        if (e.errors().isEmpty()) return "invalid message";
        ValidationError first = e.errors().get(0);
        var sb = new StringBuilder("invalid message");
        var loc = first.loc();
        var path = new StringBuilder();
        for (int i = 1; i < loc.size(); i++) {
            if (path.length() > 0) path.append('.');
            path.append(loc.get(i));
        }
        if (path.length() > 0) sb.append(": ").append(path);
        sb.append(": ").append(first.msg());
        return truncate(sb.toString());
    }

    /** Whether the first problem is malformed JSON (closed with 1007 rather than 1008). */
    public static boolean malformed(RequestValidationException e) {
        return !e.errors().isEmpty() && "json_invalid".equals(e.errors().get(0).type());
    }
}
