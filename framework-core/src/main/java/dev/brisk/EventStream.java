package dev.brisk;

import dev.brisk.internal.stream.EventStreamAccess;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A stream of server-sent events: return one from a route (any method, POST too) and the response is
 * {@code text/event-stream; charset=utf-8} with {@code Cache-Control: no-cache} and
 * {@code X-Accel-Buffering: no}, one event per item. An item is a {@link ServerSentEvent}, or a payload
 * sent as {@code data:} (a String as is, anything else as JSON). {@code T} is the payload type the
 * OpenAPI document shows; the items of a source are payloads of that type or {@link ServerSentEvent}s
 * carrying them.
 *
 * <pre>{@code
 * @Get("/ticks")
 * public EventStream<Tick> ticks() {
 *     return EventStream.of(IntStream.range(0, 3).mapToObj(Tick::new));
 * }
 * }</pre>
 *
 * <p>An idle stream sends a keep-alive comment ({@code : ping}) every 15 seconds, so proxies keep
 * the connection open ({@link #keepAlive(Duration)}). A client that goes away cancels the producer
 * at once (the {@code Stream} is closed, the publisher's subscription cancelled, the emitter's
 * {@code onClose} actions run). When the server shuts down gracefully, every open stream ends
 * cleanly after the events already produced, and clients reconnect elsewhere.
 *
 * @param <T> the payload type
 */
public final class EventStream<T> {
    /** The keep-alive interval unless {@link #keepAlive(Duration)} says otherwise. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

    private final Object source;
    private final Duration keepAlive;

    static {
        EventStreamAccess.install(new EventStreamAccess.Bridge() {
            @Override
            public Object source(EventStream<?> s) {
                return s.source;
            }

            @Override
            public Duration keepAlive(EventStream<?> s) {
                return s.keepAlive;
            }
        });
    }

    private EventStream(Object source, Duration keepAlive) {
        this.source = source;
        this.keepAlive = keepAlive;
    }

    /** Events from a publisher; its demand follows the client's reading (one item at a time). */
    public static <T> EventStream<T> of(Flow.Publisher<?> items) {
        return new EventStream<>(Objects.requireNonNull(items, "items"), DEFAULT_KEEP_ALIVE);
    }

    /**
     * Events from an iterator, read on a worker thread (it may block, e.g. waiting for the next
     * message), one item each time the client is ready for more. The iterator is closed at the end
     * or when the client leaves, if it is {@link AutoCloseable}.
     */
    public static <T> EventStream<T> of(Iterator<?> items) {
        return new EventStream<>(Objects.requireNonNull(items, "items"), DEFAULT_KEEP_ALIVE);
    }

    /** Events from a stream, read like an iterator on a worker thread; the stream is closed at the end or when the client leaves. */
    public static <T> EventStream<T> of(Stream<?> items) {
        return new EventStream<>(Objects.requireNonNull(items, "items"), DEFAULT_KEEP_ALIVE);
    }

    /**
     * Events pushed through an {@link Emitter}, from any thread. {@code producer} is called once the
     * response starts, on the connection's event loop: it must not block (hand the emitter to a
     * timer, a listener or a thread of your own). {@link Emitter#send} never blocks: a client that
     * falls more than 1,000 events behind is disconnected cleanly (its browser reconnects and can
     * resume from {@code Last-Event-ID}).
     */
    public static <T> EventStream<T> create(Consumer<Emitter<T>> producer) {
        return new EventStream<>(new Push<>(Objects.requireNonNull(producer, "producer")), DEFAULT_KEEP_ALIVE);
    }

    /** Sends a keep-alive comment after {@code interval} without events; {@link Duration#ZERO} sends none. */
    public EventStream<T> keepAlive(Duration interval) {
        if (Objects.requireNonNull(interval, "interval").isNegative()) throw new IllegalArgumentException("interval must be >= 0");
        return new EventStream<>(source, interval);
    }

    /** Pushes events into an {@link EventStream#create} stream; every method may be called from any thread. */
    public interface Emitter<T> {
        /** Sends {@code data} as an event; false when the stream is closed (nothing is sent then). */
        boolean send(T data);

        /** Sends a full event; false when the stream is closed. */
        boolean sendEvent(ServerSentEvent event);

        /** Ends the stream after the events sent so far. */
        void complete();

        /** Ends the stream with a failure: logged, and the connection is cut. */
        void fail(Throwable cause);

        /** Whether events are still accepted (false once completed, failed, or the client left). */
        boolean isOpen();

        /** Runs {@code action} once the stream is closed, for any reason (at once if it is closed already). */
        void onClose(Runnable action);
    }

    /** The producer of a pushed stream (internal marker). */
    record Push<T>(Consumer<Emitter<T>> producer) implements EventStreamAccess.PushSource {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void start(Emitter<?> emitter) {
            producer.accept((Emitter) emitter);
        }
    }

    @Override
    public String toString() {
        return "EventStream[" + source.getClass().getSimpleName() + ", keepAlive=" + keepAlive + "]";
    }
}
