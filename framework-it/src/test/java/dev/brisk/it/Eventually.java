package dev.brisk.it;

import java.util.function.BooleanSupplier;

/** Polls a condition for up to five seconds (work that happens after a response or a frame was sent). */
public final class Eventually {
    private Eventually() {
    }

    public static void until(BooleanSupplier condition) {
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
