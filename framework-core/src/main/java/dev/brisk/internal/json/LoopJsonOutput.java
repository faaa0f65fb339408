package dev.brisk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One Jackson generator per event-loop thread, pointed at each response's buffer in turn. A generator
 * per response costs an {@code IOContext}, a write context, an output stream and buffer bookkeeping;
 * on the event loop, where responses are encoded one after another, one suffices. Other threads
 * (workers, virtual threads) would each hold a generator for little use, so they create their own.
 */
public final class LoopJsonOutput extends OutputStream {
    private static final FastThreadLocal<LoopJsonOutput> CURRENT = new FastThreadLocal<>();

    private final JsonFactory factory;
    private final JsonGenerator generator;
    private ByteBuf target;

    private LoopJsonOutput(JsonFactory factory) throws IOException {
        this.factory = factory;
        generator = factory.createGenerator((OutputStream) this);
        // Values written one after another are separate documents, not a stream separated by spaces.
        generator.setRootValueSeparator(null);
    }

    /** Writes {@code value} as JSON at the end of {@code out}. */
    public static void write(JsonFactory factory, ValueWriter writer, Object value, ByteBuf out) throws IOException {
        if (!(Thread.currentThread() instanceof FastThreadLocalThread)) {
            try (JsonGenerator g = factory.createGenerator((OutputStream) new io.netty.buffer.ByteBufOutputStream(out))) {
                writer.write(g, value);
            }
            return;
        }
        LoopJsonOutput o = CURRENT.get();
        if (o == null || o.factory != factory) {
            o = new LoopJsonOutput(factory);
            CURRENT.set(o);
        }
        o.target = out;
        try {
            writer.write(o.generator, value);
            o.generator.flush();
        } catch (IOException | RuntimeException | Error e) {
            // A failed value leaves the generator mid-document: never reuse it.
            CURRENT.remove();
            throw e;
        } finally {
            o.target = null;
        }
    }

    /**
     * Drops this thread's generator if it comes from {@code factory} (dev mode, when the app that owns it
     * stops: the generator would keep the factory, its mapper and their caches of the app's classes).
     * Call on the event loop.
     */
    public static void forget(JsonFactory factory) {
        LoopJsonOutput o = CURRENT.getIfExists();
        if (o != null && o.factory == factory) CURRENT.remove();
    }

    @Override
    public void write(int b) {
        target.writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        target.writeBytes(b, off, len);
    }
}
