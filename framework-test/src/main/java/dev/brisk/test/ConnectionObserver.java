package dev.brisk.test;

import dev.brisk.internal.http.ConnectionHooks;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the app reports about the requests of one TestClient connection: the exceptions it answered
 * with 500, and the work it still does after a response (background tasks, dependency cleanups).
 * The connection carries one request at a time, so everything reported belongs to the request in
 * flight. Nothing of this runs on the request path of a plain successful request.
 */
final class ConnectionObserver implements ConnectionHooks {
    private final ConcurrentLinkedQueue<Throwable> serverErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> taskFailures = new ConcurrentLinkedQueue<>();
    private int pending;

    @Override
    public void serverError(Throwable t) {
        serverErrors.add(t);
    }

    @Override
    public synchronized void afterResponseScheduled() {
        pending++;
    }

    @Override
    public synchronized void afterResponseDone(Throwable failure) {
        if (failure != null) taskFailures.add(failure);
        pending--;
        notifyAll();
    }

    /** Forgets what the previous request left. */
    void reset() {
        serverErrors.clear();
        taskFailures.clear();
    }

    /** Waits until the app has finished the work that follows the responses (true), or until the deadline (false). */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (pending > 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The first exception answered with 500, or null. */
    Throwable firstServerError() {
        return serverErrors.peek();
    }

    /** The first failure of a background task, or null. */
    Throwable firstTaskFailure() {
        return taskFailures.peek();
    }
}
