package dev.brisk.cache.internal;

/** The time source of a backend: wall-clock milliseconds (stored in entries) and a monotonic tick (Caffeine's expiry). */
public interface Clock {
    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };

    long millis();

    long nanos();
}
