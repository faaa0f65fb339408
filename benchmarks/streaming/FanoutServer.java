import dev.brisk.App;
import dev.brisk.EventStream;
import dev.brisk.Get;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One event stream per client; a timer sends every open stream a tick each second. Args: PORT LOOPS */
public class FanoutServer {
    public record Tick(int n) {}

    public static class Routes {
        final Set<EventStream.Emitter<Tick>> open = ConcurrentHashMap.newKeySet();

        @Get("/ticks")
        public EventStream<Tick> ticks() {
            return EventStream.create(e -> {
                open.add(e);
                e.onClose(() -> open.remove(e));
            });
        }

        @Get("/open")
        public int openStreams() {
            return open.size();
        }
    }

    public static void main(String[] args) {
        var routes = new Routes();
        var n = new AtomicInteger();
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
            var t = new Tick(n.incrementAndGet());
            for (var e : routes.open) e.send(t);
        }, 1, 1, TimeUnit.SECONDS);
        App.builder().docs(false).eventLoops(Integer.parseInt(args[1])).include(routes).build().run("127.0.0.1", Integer.parseInt(args[0]));
    }
}
