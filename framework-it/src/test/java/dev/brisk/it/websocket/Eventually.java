package dev.brisk.it.websocket;

import java.util.function.BooleanSupplier;

/** Polls a condition for up to five seconds (what a session does after a frame was sent). */
final class Eventually {
    private Eventually() {
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 5 s");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
