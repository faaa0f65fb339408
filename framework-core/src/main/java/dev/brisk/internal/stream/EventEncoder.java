package dev.brisk.internal.stream;

import dev.brisk.ServerSentEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code text/event-stream} wire format (WHATWG HTML, "Server-sent events"): comment lines,
 * {@code event}, {@code data} (one line per line of a String payload, JSON for anything else),
 * {@code id}, {@code retry}, then a blank line; lines end with LF.
 */
public final class EventEncoder {
    /** Writes a value as JSON at the end of a buffer. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(Object value, ByteBuf out) throws IOException;
    }

    static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

    private final ByteBufAllocator alloc;
    private final JsonWriter json;

    public EventEncoder(ByteBufAllocator alloc, JsonWriter json) {
        this.alloc = alloc;
        this.json = json;
    }

    /** One event for an item of a stream: a {@link ServerSentEvent}, or a payload. */
    public ByteBuf encode(Object item) {
        ByteBuf out = alloc.buffer(128);
        try {
            if (item instanceof ServerSentEvent e) {
                if (e.comment().isPresent()) lines(out, ": ", e.comment().get());
                if (e.event().isPresent()) field(out, "event: ", e.event().get());
                if (e.data().isPresent()) data(out, e.data().get());
                if (e.id().isPresent()) field(out, "id: ", e.id().get());
                if (e.retry().isPresent()) field(out, "retry: ", Long.toString(e.retry().get().toMillis()));
            } else {
                data(out, item);
            }
            out.writeByte('\n');
            return out;
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    ByteBuf ping() {
        ByteBuf b = alloc.buffer(PING.length);
        b.writeBytes(PING);
        return b;
    }

    private void data(ByteBuf out, Object value) throws IOException {
        if (value instanceof CharSequence s) {
            lines(out, "data: ", s.toString());
            return;
        }
        out.writeBytes(DATA);
        json.write(value, out);   // compact JSON has no raw line breaks
        out.writeByte('\n');
    }

    private static void field(ByteBuf out, String name, String value) {
        out.writeCharSequence(name, StandardCharsets.US_ASCII);
        ByteBufUtil.writeUtf8(out, value);
        out.writeByte('\n');
    }

    /** One line per line of {@code text}; CRLF, CR and LF all end a line, as the format defines. */
    private static void lines(ByteBuf out, String prefix, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c != '\n' && c != '\r') continue;
            out.writeCharSequence(prefix, StandardCharsets.US_ASCII);
            ByteBufUtil.writeUtf8(out, text, start, i);
            out.writeByte('\n');
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
            start = i + 1;
            if (i == n) break;
        }
    }
}
