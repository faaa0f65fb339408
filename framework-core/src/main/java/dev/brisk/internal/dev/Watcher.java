package dev.brisk.internal.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches file trees and reports what changed in them. The file system's watch service only wakes
 * it (inotify on Linux, at once); what changed is always found by comparing each file's size and
 * modification time with the last look, so a missed or coalesced event loses nothing. Where the
 * watch service itself polls (macOS: every few seconds) the trees are compared every 100 ms instead.
 * After a burst of changes it waits for a short quiet period, so that a compiler writing many class
 * files is seen as one change.
 */
final class Watcher implements AutoCloseable {
    /** What changed in one tree since the last look (paths are absolute). */
    record Changes(Map<Path, Set<Path>> changed, Map<Path, Set<Path>> deleted, long firstSeenNanos) {
        boolean isEmpty() {
            return changed.values().stream().allMatch(Set::isEmpty) && deleted.values().stream().allMatch(Set::isEmpty);
        }

        boolean touches(Path tree) {
            return !changed.getOrDefault(tree, Set.of()).isEmpty() || !deleted.getOrDefault(tree, Set.of()).isEmpty();
        }
    }

    private record Stamp(FileTime modified, long size) {
    }

    private final List<Path> trees;
    private final long quietNanos;
    private final WatchService service;
    private final Set<Path> registered = new HashSet<>();
    private final Map<Path, Map<Path, Stamp>> last = new LinkedHashMap<>();

    Watcher(List<Path> trees, long quietMillis) {
        this.trees = List.copyOf(trees);
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        this.service = nativeWatchService();
        rebase();
    }

    private static WatchService nativeWatchService() {
        try {
            WatchService s = FileSystems.getDefault().newWatchService();
            if (s.getClass().getName().contains("Polling")) {
                s.close();
                return null;
            }
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Takes the current state as the baseline. */
    private void rebase() {
        for (Path t : trees) last.put(t, snapshot(t));
        if (service != null) drainEvents();
    }

    /**
     * Dev mode's own writes (recompiled classes, copied resources): they are not changes to react to.
     * Only these files are taken as they are now, so that anything else written meanwhile still counts.
     */
    void ownWrites(java.util.Collection<Path> written) {
        for (Path f : written) {
            for (Path t : trees) {
                if (!f.startsWith(t)) continue;
                var files = new HashMap<>(last.getOrDefault(t, Map.of()));
                try {
                    var attrs = Files.readAttributes(f, BasicFileAttributes.class);
                    files.put(f, new Stamp(attrs.lastModifiedTime(), attrs.size()));
                } catch (IOException e) {
                    files.remove(f);
                }
                last.put(t, files);
            }
        }
    }

    /** Blocks until something changed and then stayed quiet; returns what changed. */
    Changes await() throws InterruptedException {
        while (true) {
            long first = waitForActivity();
            // Quiet period: keep collecting until nothing new arrived for quietNanos.
            while (true) {
                long waitNanos = quietNanos;
                if (service != null) {
                    WatchKey k = poll(waitNanos);
                    if (k == null) break;
                    drain(k);
                } else {
                    TimeUnit.NANOSECONDS.sleep(waitNanos);
                    if (!differs()) break;
                    rebaseQuietly();
                }
            }
            var changes = diff(first);
            if (!changes.isEmpty()) return changes;
        }
    }

    /** The nanoTime of the first sign of a change. */
    private long waitForActivity() throws InterruptedException {
        if (service != null) {
            while (true) {
                WatchKey k = poll(TimeUnit.SECONDS.toNanos(1));
                long now = System.nanoTime();
                if (k != null) {
                    drain(k);
                    return now;
                }
                if (differs()) return now;   // a tree that appeared, or an event the service dropped
            }
        }
        while (!differs()) TimeUnit.MILLISECONDS.sleep(100);
        return System.nanoTime();
    }

    private WatchKey poll(long nanos) throws InterruptedException {
        try {
            return service.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("watcher closed");
        }
    }

    private void drain(WatchKey k) {
        k.pollEvents();
        k.reset();
    }

    private void drainEvents() {
        WatchKey k;
        while ((k = service.poll()) != null) drain(k);
    }

    // the polling fallback's quiet period compares against the state seen at its last look
    private Map<Path, Map<Path, Stamp>> pending;

    /** Whether a watched file differs from what the last {@link #await()} returned (or was told of since). */
    boolean changedSinceLastLook() {
        return differs();
    }

    private boolean differs() {
        var base = pending != null ? pending : last;
        for (Path t : trees) if (!snapshot(t).equals(base.get(t))) return true;
        return false;
    }

    private void rebaseQuietly() {
        pending = new LinkedHashMap<>();
        for (Path t : trees) pending.put(t, snapshot(t));
    }

    private Changes diff(long firstNanos) {
        pending = null;
        var changed = new LinkedHashMap<Path, Set<Path>>();
        var deleted = new LinkedHashMap<Path, Set<Path>>();
        for (Path t : trees) {
            var now = snapshot(t);
            var before = last.getOrDefault(t, Map.of());
            var c = new HashSet<Path>();
            var d = new HashSet<Path>();
            for (var e : now.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) c.add(e.getKey());
            for (var p : before.keySet()) if (!now.containsKey(p)) d.add(p);
            changed.put(t, c);
            deleted.put(t, d);
            last.put(t, now);
        }
        return new Changes(changed, deleted, firstNanos);
    }

    /** Every regular file of the tree with its stamp; registers new directories with the watch service. */
    private Map<Path, Stamp> snapshot(Path tree) {
        var out = new HashMap<Path, Stamp>();
        if (!Files.isDirectory(tree)) {
            if (Files.isRegularFile(tree)) {   // a jar
                try {
                    out.put(tree, new Stamp(Files.getLastModifiedTime(tree), Files.size(tree)));
                    register(tree.getParent());
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
            return out;
        }
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) out.put(file, new Stamp(attrs.lastModifiedTime(), attrs.size()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;   // deleted while walking
                }
            });
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void register(Path dir) {
        if (service == null || dir == null || registered.contains(dir)) return;
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            registered.add(dir);
        } catch (IOException e) {
            // gone meanwhile, or out of watches: the one-second comparison still sees its changes
        }
    }

    /** The trees, in the order given. */
    List<Path> trees() {
        return new ArrayList<>(trees);
    }

    @Override
    public void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
