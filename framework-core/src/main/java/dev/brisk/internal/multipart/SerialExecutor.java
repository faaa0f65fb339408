package dev.brisk.internal.multipart;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks one after another, in order, on a pool (one request's disk writes). */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) return;
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RuntimeException e) {
            drain();   // the pool is gone (stopping): finish here rather than leave files behind
        }
    }

    private void drain() {
        for (;;) {
            Runnable t;
            synchronized (this) {
                t = tasks.poll();
                if (t == null) {
                    running = false;
                    return;
                }
            }
            try {
                t.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger("dev.brisk").error("An upload's disk task failed", e);
            }
        }
    }
}
