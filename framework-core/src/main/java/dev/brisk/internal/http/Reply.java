package dev.brisk.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A response on its way out: status, headers and a {@link Body}. Made by the dispatcher (results,
 * errors, middleware) and encoded by the transport, which writes {@code Content-Length} or the
 * chunked framing, {@code Date} and {@code Connection} itself: those are never stored here.
 *
 * <p>Not thread-safe: one thread at a time owns a reply (the one producing it, then the transport).
 * The content type has a field of its own (it is on nearly every reply); other headers sit in two
 * small arrays, allocated only when a reply has any.
 */
public final class Reply {
    public static final AsciiString CONTENT_TYPE = AsciiString.cached("content-type");

    private int status;
    private CharSequence contentType;
    private CharSequence[] names;
    private CharSequence[] values;
    private int headerCount;
    /** The headers' lines ready to send, while {@link #names} and {@link #values} are still theirs (shared: copied before a change). */
    private PreparedHeaders prepared;
    private Body body;
    private List<Runnable> afterSend;

    public Reply(int status, CharSequence contentType, Body body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** A reply with a body in {@code content}, which it now owns. */
    public static Reply bytes(int status, CharSequence contentType, ByteBuf content) {
        return new Reply(status, contentType, new Body.Bytes(content));
    }

    /** A reply with the headers {@code headers} (shared with other replies; this one copies them before changing any). */
    public static Reply prepared(int status, CharSequence contentType, Body body, PreparedHeaders headers) {
        var r = new Reply(status, contentType, body);
        r.prepared = headers;
        r.names = headers.names;
        r.values = headers.values;
        r.headerCount = headers.names.length;
        return r;
    }

    /** The prepared lines that are exactly this reply's headers, or null: the transport then encodes them one by one. */
    public PreparedHeaders preparedHeaders() {
        return prepared;
    }

    /** Before any change to the headers: the shared arrays become this reply's own. */
    private void own() {
        if (prepared == null) return;
        prepared = null;
        names = Arrays.copyOf(names, Math.max(4, headerCount + 2));
        values = Arrays.copyOf(values, names.length);
    }

    /** A reply without body or content type. */
    public static Reply empty(int status) {
        return new Reply(status, null, Body.EMPTY);
    }

    public int status() {
        return status;
    }

    public Reply status(int status) {
        if (status < 100 || status > 599) throw new IllegalArgumentException("status must be 100..599: " + status);
        this.status = status;
        return this;
    }

    /** The content type, or null. */
    public CharSequence contentType() {
        return contentType;
    }

    public Reply contentType(CharSequence type) {
        this.contentType = type;
        return this;
    }

    public Body body() {
        return body;
    }

    /** Replaces the body; the old one is the caller's to discard or reuse. */
    public Reply body(Body body) {
        this.body = body;
        return this;
    }

    // ------------------------------------------------------------------------------------ headers

    /** The number of headers besides the content type. */
    public int headerCount() {
        return headerCount;
    }

    public CharSequence headerName(int i) {
        return names[i];
    }

    public CharSequence headerValue(int i) {
        return values[i];
    }

    /** The first value of a header (case-insensitive; the content type included), or null. */
    public CharSequence header(CharSequence name) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) return contentType;
        for (int i = 0; i < headerCount; i++) {
            if (AsciiString.contentEqualsIgnoreCase(names[i], name)) return values[i];
        }
        return null;
    }

    /** Every value of a header, in order. */
    public List<CharSequence> headers(CharSequence name) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) return contentType == null ? List.of() : List.of(contentType);
        var out = new ArrayList<CharSequence>(1);
        for (int i = 0; i < headerCount; i++) {
            if (AsciiString.contentEqualsIgnoreCase(names[i], name)) out.add(values[i]);
        }
        return out;
    }

    /** Adds a header line (names and values are trusted: checking user input is the caller's job). */
    public Reply addHeader(CharSequence name, CharSequence value) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) {
            contentType = value;
            return this;
        }
        own();
        if (names == null) {
            names = new CharSequence[4];
            values = new CharSequence[4];
        } else if (headerCount == names.length) {
            names = Arrays.copyOf(names, headerCount * 2);
            values = Arrays.copyOf(values, headerCount * 2);
        }
        names[headerCount] = name;
        values[headerCount] = value;
        headerCount++;
        return this;
    }

    /** Replaces every value of a header with one. */
    public Reply setHeader(CharSequence name, CharSequence value) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) {
            contentType = value;
            return this;
        }
        removeHeader(name);
        return addHeader(name, value);
    }

    /** Removes every value of a header. */
    public Reply removeHeader(CharSequence name) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) {
            contentType = null;
            return this;
        }
        own();
        int w = 0;
        for (int r = 0; r < headerCount; r++) {
            if (AsciiString.contentEqualsIgnoreCase(names[r], name)) continue;
            names[w] = names[r];
            values[w] = values[r];
            w++;
        }
        for (int i = w; i < headerCount; i++) {
            names[i] = null;
            values[i] = null;
        }
        headerCount = w;
        return this;
    }

    /** Removes every header except the content type. */
    public Reply clearHeaders() {
        if (prepared != null) {   // shared lines: let go of them rather than copy what is cleared
            prepared = null;
            names = null;
            values = null;
        } else {
            for (int i = 0; i < headerCount; i++) {
                names[i] = null;
                values[i] = null;
            }
        }
        headerCount = 0;
        return this;
    }

    /** Whether some value of a comma-separated header contains {@code token} (case-insensitive), e.g. {@code Vary}. */
    public boolean headerHasToken(CharSequence name, CharSequence token) {
        if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_TYPE)) return contentType != null && hasToken(contentType, token);
        for (int i = 0; i < headerCount; i++) {
            if (AsciiString.contentEqualsIgnoreCase(names[i], name) && hasToken(values[i], token)) return true;
        }
        return false;
    }

    /**
     * Adds {@code token} to a comma-separated header such as {@code Vary}, unless it is there (or
     * {@code *} is): into the first line of that header, or as a new line when there is none.
     */
    public Reply addHeaderToken(CharSequence name, CharSequence token) {
        int first = -1;
        for (int i = 0; i < headerCount; i++) {
            if (!AsciiString.contentEqualsIgnoreCase(names[i], name)) continue;
            if (hasToken(values[i], token) || hasToken(values[i], "*")) return this;
            if (first < 0) first = i;
        }
        if (first < 0) return addHeader(name, token);
        own();
        CharSequence old = values[first];
        values[first] = old.length() == 0 ? token : new StringBuilder(old.length() + 2 + token.length()).append(old).append(", ").append(token).toString();
        return this;
    }

    /** Whether the comma-separated list {@code list} has an element equal to {@code token} (case-insensitive), allocation-free. */
    public static boolean hasToken(CharSequence list, CharSequence token) {
        int n = list.length();
        int t = token.length();
        int i = 0;
        while (i < n) {
            while (i < n && (list.charAt(i) == ' ' || list.charAt(i) == '\t' || list.charAt(i) == ',')) i++;
            int start = i;
            while (i < n && list.charAt(i) != ',') i++;
            int end = i;
            while (end > start && (list.charAt(end - 1) == ' ' || list.charAt(end - 1) == '\t')) end--;
            if (end - start == t && AsciiString.regionMatches(list, true, start, token, 0, t)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------ after sending

    /** Runs {@code action} once the reply is written (or the connection is gone); actions run in order, on the event loop. */
    public Reply afterSend(Runnable action) {
        if (afterSend == null) afterSend = new ArrayList<>(2);
        afterSend.add(action);
        return this;
    }

    public boolean hasAfterSend() {
        return afterSend != null;
    }

    /** Called by the transport exactly once, after the write finished or failed. */
    public void sent() {
        var list = afterSend;
        if (list == null) return;
        afterSend = null;
        for (Runnable r : list) r.run();
    }

    /** Drops an unsent reply: releases its body and still runs its after-send actions (cleanups must happen). */
    public void discard() {
        body.discard();
        body = Body.EMPTY;
        sent();
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + body.getClass().getSimpleName() + "]";
    }
}
