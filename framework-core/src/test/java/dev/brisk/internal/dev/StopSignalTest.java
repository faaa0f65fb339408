package dev.brisk.internal.dev;

import dev.brisk.App;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.http.StopSignal;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop signal that streams and WebSockets end on: RELOAD (close code 1012) for a generation dev
 * mode replaces, SHUTDOWN (1001) when a server closes; once, and at once for a late subscriber.
 */
class StopSignalTest {
    @Test
    void firesOnceAndAtOnceForLateSubscribers() {
        var signal = new StopSignal();
        var seen = new ArrayList<String>();
        var sub = signal.subscribe(r -> seen.add("a " + r));
        var gone = signal.subscribe(r -> seen.add("b " + r));
        gone.close();
        assertThat(signal.subscribers()).isEqualTo(1);
        signal.fire(StopSignal.Reason.RELOAD);
        signal.fire(StopSignal.Reason.SHUTDOWN);
        signal.subscribe(r -> seen.add("late " + r));
        assertThat(seen).containsExactly("a RELOAD", "late RELOAD");
        assertThat(signal.reason()).hasValue(StopSignal.Reason.RELOAD);
        assertThat(signal.subscribers()).isZero();
        sub.close();
        assertThat(StopSignal.Reason.RELOAD.webSocketCloseCode()).isEqualTo(1012);
        assertThat(StopSignal.Reason.SHUTDOWN.webSocketCloseCode()).isEqualTo(1001);
    }

    @Test
    void closingAServerFiresShutdown() {
        var app = App.builder().route("GET", "/", req -> "ok").build();
        var runtime = AppRuntime.of(app);
        List<StopSignal.Reason> seen = new CopyOnWriteArrayList<>();
        runtime.stopSignal().subscribe(seen::add);
        var server = app.start("127.0.0.1", 0);
        assertThat(seen).isEmpty();
        server.close();
        assertThat(seen).containsExactly(StopSignal.Reason.SHUTDOWN);
    }

    @Test
    void aReplacedGenerationGetsReloadAndTheLastOneShutdown() throws Exception {
        try (var p = new DevProject()) {
            p.write("app/Main.java", BrokenReloadTest.MAIN).write("app/Hello.java", BrokenReloadTest.GOOD_V1);
            Path v3 = p.dir.resolve("v3");
            p.write("app/Hello.java", BrokenReloadTest.GOOD_V3).compileTo(v3);
            p.write("app/Hello.java", BrokenReloadTest.GOOD_V1).compile();
            List<StopSignal.Reason> first = new CopyOnWriteArrayList<>();
            List<StopSignal.Reason> second = new CopyOnWriteArrayList<>();
            try (var session = DevSession.start(p.ideOptions("app.Main"))) {
                session.current().app().stopSignal().subscribe(first::add);
                p.install(v3);
                p.getUntil(session.port(), "/hello", r -> r.body().equals("v3"), 20);
                session.current().app().stopSignal().subscribe(second::add);
                session.awaitRetired(Duration.ofSeconds(20));
                assertThat(first).containsExactly(StopSignal.Reason.RELOAD);
                assertThat(second).isEmpty();
            }
            assertThat(second).containsExactly(StopSignal.Reason.SHUTDOWN);
        }
    }
}
