package dev.brisk.transport;

import java.util.Set;
import java.util.stream.Collectors;

/** Snapshots of live threads, to check that a server leaves none behind. */
public final class BriskThreads {
    private BriskThreads() {
    }

    public static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Threads alive now that were not in {@code before}, waiting up to 3 s for them to end. */
    public static Set<String> leftSince(Set<Thread> before) throws InterruptedException {
        Set<Thread> extra = Set.of();
        for (int i = 0; i < 300; i++) {
            extra = live().stream().filter(t -> !before.contains(t) && t.getName().startsWith("brisk-")).collect(Collectors.toSet());
            if (extra.isEmpty()) break;
            Thread.sleep(10);
        }
        return extra.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
