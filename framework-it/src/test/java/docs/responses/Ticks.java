package docs.responses;

import dev.brisk.EventStream;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.ServerSentEvent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

public class Ticks {
    public record Tick(int n) {}

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Get("/ticks")                                 // id, event name and JSON data per event
    public EventStream<Tick> ticks(@Header Optional<Integer> lastEventId) {
        int from = lastEventId.orElse(0) + 1;      // a reconnecting browser sends Last-Event-ID
        return EventStream.of(IntStream.range(from, from + 3)
                .mapToObj(i -> ServerSentEvent.of(new Tick(i)).withEvent("tick").withId(String.valueOf(i))));
    }

    @Get("/clock")                                 // events pushed from a timer, forever
    public EventStream<Tick> clock() {
        return EventStream.<Tick>create(emitter -> {
            var n = new AtomicInteger();
            var task = timer.scheduleAtFixedRate(() -> emitter.send(new Tick(n.incrementAndGet())), 0, 1, TimeUnit.SECONDS);
            emitter.onClose(() -> task.cancel(false));   // the client left, or the server is stopping
        }).keepAlive(Duration.ofSeconds(30));
    }
}
