package dev.brisk.internal.dev;

import dev.brisk.Server;
import dev.brisk.StartupException;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.Generation;
import dev.brisk.internal.binding.Validation;
import dev.brisk.internal.dispatch.AsyncSupport;
import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.http.StopSignal;
import dev.brisk.internal.json.LoopJsonOutput;
import dev.brisk.internal.netty.NettyServer;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One dev-mode run of an app. The first generation's main method builds the app and calls
 * {@code App.run}/{@code App.start}; the session binds the port then, once, and serves that app.
 * On every change under the watched trees it recompiles (when it has sources), builds the next
 * generation in a fresh {@link GenerationLoader} while the current one serves, and swaps the
 * transport's dispatcher over to it. The old generation then gets its stop signal (WebSockets close
 * with 1012, streams end), finishes its requests in flight, runs its shutdown hooks and is dropped,
 * so that its class loader can be collected. A change that fails to compile or to start leaves the
 * current generation serving; the error is logged and shown to the next request.
 *
 * <p>Threads: the caller's thread only starts the session; "brisk-dev-watch" waits for changes,
 * compiles and builds generations; each generation's main runs on its own "brisk-dev-main-N"
 * thread (whose context loader is the generation's, which is how {@code App.run} finds the session);
 * "brisk-dev-host" binds the port and starts Netty's event loops, and "brisk-dev-retire" stops old
 * generations. The long-lived threads are all created from this class's own code, never from a
 * generation's, so that none of them keeps a generation's loader reachable (a thread inherits its
 * creator's context loader, and on Java 17 its access-control context).
 */
public final class DevSession implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger("dev.brisk.dev");
    /** Longest wait for a generation's main method to start its app. */
    static final Duration MAIN_TIMEOUT = Duration.ofSeconds(60);

    /** What each reload did: the generation now serving, and the failure when the attempt failed. */
    public record Reload(int attempt, int serving, long millis, Optional<String> failure) {
    }

    private final DevOptions options;
    private final ClassLoader parent;
    private final URL[] urls;
    private final ReloadDispatcher dispatcher = new ReloadDispatcher();
    private final ThreadPoolExecutor host = singleThread("brisk-dev-host");
    private final ThreadPoolExecutor retirer = singleThread("brisk-dev-retire");
    private final DevCompiler compiler;
    private final Watcher watcher;
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private final List<Reload> history = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lock = new Object();
    private final DevServerView view = new DevServerView(this);
    private Thread watchThread;
    private volatile NettyServer transport;
    private volatile BlockingDetector detector;
    private volatile List<EventLoop> loops = List.of();
    private String boundHost;
    private int boundPort;
    private volatile RuntimeException fatal;
    private int attempts;
    private volatile Generation current;
    private volatile GenerationLoader currentLoader;
    private volatile ErrorPage lastFailure;

    private DevSession(DevOptions options, ClassLoader parent) {
        this.options = options;
        this.parent = parent;
        var list = new ArrayList<URL>();
        for (Path root : options.roots()) {
            if (Files.isRegularFile(root) && !options.allowJar()) {
                throw new StartupException("dev mode reloads the app's classes from its class directories, and "
                        + root + " is a jar (a packaged app): dev mode is for development, not for a packaged app."
                        + " Run the app with App.run, or set -Dbrisk.dev.allowJar=true to run dev mode on a jar anyway.");
            }
            if (!Files.exists(root)) throw new StartupException("dev mode: the class directory " + root + " does not exist");
            try {
                list.add(root.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        this.urls = list.toArray(URL[]::new);
        this.compiler = options.sources().isEmpty() ? null
                : new DevCompiler(options.sources(), options.classPath(), options.javacOptions(), options.output());
        var trees = new ArrayList<Path>();
        trees.addAll(options.roots());
        trees.addAll(options.sources());
        trees.addAll(options.resources());
        this.watcher = new Watcher(trees, options.quietMillis());
    }

    /**
     * Starts a session: builds and serves the first generation (or logs why it cannot), then watches.
     * Fails when the first generation cannot bind its port.
     */
    public static DevSession start(DevOptions options) {
        return start(options, DevSession.class.getClassLoader());
    }

    static DevSession start(DevOptions options, ClassLoader parent) {
        if (Thread.currentThread().getContextClassLoader() instanceof GenerationLoader) {
            throw new IllegalStateException("dev mode was started from inside the app it runs: call DevMode.run from a"
                    + " launcher class of its own (e.g. DevMain in src/test/java), not from the app's main method");
        }
        var s = new DevSession(options, parent);
        s.first();
        return s;
    }

    private static ThreadPoolExecutor singleThread(String name) {
        var pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            var t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool.prestartAllCoreThreads();   // now, from this thread: never later from a generation's
        return pool;
    }

    private void first() {
        LOG.info("Brisk dev mode: {} reloads on every change under {}", options.mainClass(), watcher.trees());
        long start = System.nanoTime();
        initialiseShared();
        reload(start);
        if (fatal != null) {
            close();
            throw fatal;
        }
        watchThread = new Thread(this::watch, "brisk-dev-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        if (compiler != null) {
            // The compiler's first run in this JVM is slow (loading javac): pay it now, not on the first change.
            host.execute(() -> {
                try {
                    compiler.warmUp();
                } catch (RuntimeException e) {
                    LOG.debug("compiler warm-up failed", e);
                }
            });
        }
    }

    /**
     * Builds an empty app here, before any generation exists, so that the static state of Brisk,
     * Netty, Jackson and Hibernate Validator is initialised from this thread. Initialised from a
     * generation's main thread instead, it could keep that generation reachable for good: Netty's
     * HTTP decoder, for one, keeps exceptions made in its static initialiser, whose stack traces
     * reference the classes (and so the loader) of whoever first used it.
     */
    private static void initialiseShared() {
        try {
            dev.brisk.App.builder().build();
            Validation.validator();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("dev mode: warm-up failed", e);
        }
    }

    // ------------------------------------------------------------------------------------ watching

    private void watch() {
        while (!closed.get()) {
            Watcher.Changes changes;
            try {
                changes = watcher.await();
            } catch (InterruptedException e) {
                return;
            }
            if (closed.get()) return;
            try {
                if (!apply(changes)) continue;
                reload(changes.firstSeenNanos());
            } catch (RuntimeException | Error e) {
                LOG.error("dev mode: the reload failed", e);
            }
        }
    }

    /** Compiles and copies what the changes need; false when the change cannot be loaded (the error is shown). */
    private boolean apply(Watcher.Changes changes) {
        var written = new ArrayList<Path>();
        try {
            boolean compile = false;
            for (Path root : options.sources()) {
                if (!changes.touches(root)) continue;
                compile = true;
                for (Path gone : changes.deleted().getOrDefault(root, java.util.Set.of())) written.addAll(compiler.sourceDeleted(root, gone));
            }
            for (Path root : options.resources()) {
                for (Path f : changes.changed().getOrDefault(root, java.util.Set.of())) {
                    Path target = options.output().resolve(root.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    written.add(target);
                }
                for (Path f : changes.deleted().getOrDefault(root, java.util.Set.of())) {
                    Path target = options.output().resolve(root.relativize(f).toString());
                    Files.deleteIfExists(target);
                    written.add(target);
                }
            }
            if (compile && compiler != null) {
                var result = compiler.compile();
                if (!result.ok()) {
                    watcher.ownWrites(written);
                    if (watcher.changedSinceLastLook()) {
                        // A source was still being written (an editor or a tool that truncates, then writes):
                        // the next change compiles what it is now, and this error was the half-written file's.
                        LOG.debug("dev mode: sources changed while they compiled; compiling again");
                        return false;
                    }
                    failed(ErrorPage.compile(result.diagnostics()), null, System.nanoTime());
                    return false;
                }
                written.addAll(result.written());
                LOG.info("compiled {} source files in {} ms", result.sources(), result.millis());
                if (!result.diagnostics().isBlank()) LOG.warn("the compiler says:\n{}", result.diagnostics().strip());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watcher.ownWrites(written);   // dev mode's own writes are not changes
        }
    }

    // ------------------------------------------------------------------------------------ generations

    private void reload(long changeNanos) {
        int n;
        synchronized (lock) {
            n = ++attempts;
        }
        var loader = new GenerationLoader(n, urls, parent, this);
        long bootNanos = System.nanoTime();
        var boot = new Thread(() -> runMain(loader), "brisk-dev-main-" + n);
        boot.setContextClassLoader(loader);
        boot.setDaemon(true);
        boot.start();
        GenerationLoader.Claimed claimed;
        try {
            claimed = loader.claimed.get(MAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            failed(ErrorPage.startup(e.getCause()), loader, changeNanos);
            return;
        } catch (TimeoutException e) {
            failed(ErrorPage.startup(new IllegalStateException("the main method of " + options.mainClass()
                    + " did not start the app (App.run or App.start) within " + MAIN_TIMEOUT.toSeconds() + " s")), loader, changeNanos);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeLoader(loader);
            return;
        }
        long built = System.nanoTime();
        swap(claimed, loader, n, changeNanos);
        if (LOG.isDebugEnabled()) {
            LOG.debug("generation {}: change seen to main started {} ms, app built and started {} ms, swapped {} ms", n,
                    TimeUnit.NANOSECONDS.toMillis(bootNanos - changeNanos), TimeUnit.NANOSECONDS.toMillis(built - bootNanos),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - built));
        }
    }

    private void runMain(GenerationLoader loader) {
        Throwable failure = null;
        try {
            Class<?> main = Class.forName(options.mainClass(), true, loader);
            var m = main.getMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) throw new IllegalStateException(options.mainClass() + ".main is not static");
            m.setAccessible(true);
            m.invoke(null, (Object) options.args().toArray(String[]::new));
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        } catch (Throwable t) {
            failure = t;
        }
        loader.mainEnded(failure);
    }

    private void swap(GenerationLoader.Claimed claimed, GenerationLoader loader, int n, long changeNanos) {
        Generation old;
        GenerationLoader oldLoader;
        ReloadDispatcher.Target oldTarget;
        synchronized (lock) {
            if (closed.get()) {
                retire(claimed.generation(), loader, null, StopSignal.Reason.SHUTDOWN);
                return;
            }
            claimed.generation().activate(loops);
            old = current;
            oldLoader = currentLoader;
            oldTarget = dispatcher.swap(claimed.generation().dispatch());
            current = claimed.generation();
            currentLoader = loader;
            lastFailure = null;
            // Queued with the swap: whoever is answered by the new generation finds the old one's retirement
            // queued already (awaitRetired waits for it).
            if (old != null) retirer.execute(() -> retire(old, oldLoader, oldTarget, StopSignal.Reason.RELOAD));
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changeNanos);
        if (old == null) {
            Generation.announce("Brisk dev mode listening on " + Generation.url(transport.localAddress()) + " (started in " + ms + " ms)");
        } else {
            Generation.announce("Brisk dev mode: reloaded in " + ms + " ms (generation " + n + ")");
        }
        publish(new Reload(n, n, ms, Optional.empty()));
    }

    private void failed(ErrorPage page, GenerationLoader loader, long changeNanos) {
        int serving = currentLoader == null ? 0 : currentLoader.number;
        if (loader != null) closeLoader(loader);
        lastFailure = page;
        if (transport == null) {
            LOG.error("Brisk dev mode: {}\n{}\nNothing is served yet; fix it and save: dev mode tries again on the next change.",
                    page.title(), page.details().strip());
        } else {
            dispatcher.showOnce(page);
            LOG.error("Brisk dev mode: {}; generation {} keeps serving (the next request shows this error).\n{}",
                    page.title(), serving, page.details().strip());
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changeNanos);
        int n;
        synchronized (lock) {
            n = attempts;
        }
        publish(new Reload(n, serving, ms, Optional.of(page.summary())));
    }

    private void closeLoader(GenerationLoader loader) {
        loader.retire();
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {}", loader, e);
        }
    }

    /** Stops an old generation: stop signal, its requests in flight, its workers, its shutdown hooks; then forgets it. */
    private void retire(Generation g, GenerationLoader loader, ReloadDispatcher.Target target, StopSignal.Reason reason) {
        var thread = Thread.currentThread();
        var before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);   // the app's shutdown hooks run as its startup hooks did
        try {
            long deadline = System.nanoTime() + g.app().config().server().shutdownGrace().toNanos();
            g.signalStop(reason);
            while (target != null && target.inFlight.get() > 0 && System.nanoTime() < deadline) {
                if (!pause()) break;
            }
            g.stop(deadline);
        } catch (RuntimeException | Error e) {
            LOG.error("dev mode: stopping generation {} failed", loader.number, e);
        } finally {
            thread.setContextClassLoader(before);
        }
        forget(g);
        closeLoader(loader);
    }

    /** Drops what Brisk's own shared state still holds of a stopped generation. */
    private void forget(Generation g) {
        var factory = g.app().json().factory();   // the generators come from it, made mapper or not
        for (var loop : loops) {
            try {
                loop.submit(() -> LoopJsonOutput.forget(factory)).await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the loop is shutting down: its thread-locals go with it
            }
        }
        // Hibernate Validator caches the metadata of every class it saw: start afresh for the generations to come.
        Validation.reset();
        // Jackson's shared type cache (used by libraries with mappers of their own, swagger-core among them).
        com.fasterxml.jackson.databind.type.TypeFactory.defaultInstance().clearCache();
    }

    private static boolean pause() {
        try {
            Thread.sleep(2);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ------------------------------------------------------------------------------------ the transport

    /** Binds the port the first time a generation asks for it; returns the server's view for the app. */
    Server bind(String host, int port, AppRuntime app) {
        synchronized (lock) {
            if (closed.get()) throw new IllegalStateException("the dev session is closed");
            if (transport == null) {
                Future<NettyServer> bound = host().submit(() -> {
                    var t = NettyServer.startTcp(app.config().server(), dispatcher, new ConcurrentHashMap<>(), host, port);
                    var all = t.eventLoops();
                    // Start every loop's thread here and now: a thread started later from a generation's code would keep it alive.
                    for (var loop : all) loop.submit(() -> { }).syncUninterruptibly();
                    var d = new BlockingDetector(app.config().dispatch().blockingThreshold());
                    d.start(all);
                    detector = d;
                    loops = List.copyOf(all);
                    return t;
                });
                try {
                    transport = bound.get();
                } catch (ExecutionException e) {
                    RuntimeException r = e.getCause() instanceof RuntimeException x ? x : new StartupException(String.valueOf(e.getCause()), e.getCause());
                    fatal = r;
                    throw r;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StartupException("interrupted while binding", e);
                }
                boundHost = host;
                boundPort = port;
            } else if (!host.equals(boundHost) || port != boundPort) {
                LOG.warn("dev mode keeps listening on {}:{}; the app now asks for {}:{}: restart dev mode to move it",
                        boundHost, boundPort, host, port);
            }
            return view;
        }
    }

    private ThreadPoolExecutor host() {
        return host;
    }

    BlockingDetector detector() {
        return detector;
    }

    /** The serving generation (tests). */
    Generation current() {
        return current;
    }

    /** The serving generation's loader (tests). */
    GenerationLoader loader() {
        return currentLoader;
    }

    /** The serving generation's class loader, for tests that check that it is collected once replaced. */
    public Optional<ClassLoader> servingLoader() {
        return Optional.ofNullable(currentLoader);
    }

    // ------------------------------------------------------------------------------------ observing

    /** The bound port, or -1 before the first generation has started. */
    public int port() {
        var t = transport;
        return t == null ? -1 : t.port();
    }

    /** The number of the generation serving (1 for the first), or 0 before one has started. */
    public int serving() {
        var l = currentLoader;
        return l == null ? 0 : l.number;
    }

    /** Why the last attempt failed, while it is the latest (empty once a reload succeeds). */
    public Optional<String> lastFailure() {
        var f = lastFailure;
        return f == null ? Optional.empty() : Optional.of(f.title() + "\n" + f.details());
    }

    /** Every reload attempt so far, the first generation included. */
    public List<Reload> history() {
        return List.copyOf(history);
    }

    /** Calls {@code listener} after each reload attempt (on the watch thread). */
    public void onReload(Consumer<Reload> listener) {
        listeners.add(listener);
    }

    /** Waits until at least {@code attempts} reload attempts have finished; false on timeout. */
    public boolean awaitAttempts(int attempts, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (history.size() < attempts) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    /** Waits until no old generation is being stopped any more. */
    public void awaitRetired(Duration timeout) throws InterruptedException {
        var done = new CompletableFuture<Void>();
        retirer.execute(() -> done.complete(null));
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("old generations were not stopped within " + timeout, e);
        }
    }

    private void publish(Reload r) {
        history.add(r);
        for (var l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                LOG.debug("reload listener failed", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------ stopping

    /** Stops serving: drains the transport, stops the current generation, ends the watching. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitClosedQuietly();
            return;
        }
        try {
            watcher.close();
            var w = watchThread;
            if (w != null && w != Thread.currentThread()) {
                w.interrupt();
                try {
                    w.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Generation g;
            GenerationLoader loader;
            synchronized (lock) {
                g = current;
                loader = currentLoader;
                current = null;
                currentLoader = null;
            }
            var t = transport;
            if (t != null) {
                if (g != null) g.signalStop(StopSignal.Reason.SHUTDOWN);
                long deadline = t.close(g != null ? g.app().config().server().shutdownGrace() : Duration.ofSeconds(1));
                var d = detector;
                if (d != null) d.stop();
                for (var loop : loops) AsyncSupport.unregister(loop);
                if (g != null) {
                    var thread = Thread.currentThread();
                    var before = thread.getContextClassLoader();
                    thread.setContextClassLoader(loader);
                    try {
                        g.stop(deadline);
                    } finally {
                        thread.setContextClassLoader(before);
                    }
                }
            }
            if (loader != null) closeLoader(loader);
            retirer.shutdown();
            host.shutdown();
            try {
                retirer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Brisk dev mode stopped");
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until the session has stopped. */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    private void awaitClosedQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@code App.start} returns in dev mode: the session's port; closing it ends the session. */
    private static final class DevServerView implements Server {
        private final DevSession session;

        DevServerView(DevSession session) {
            this.session = session;
        }

        @Override
        public int port() {
            return session.port();
        }

        @Override
        public void close() {
            closeAsync();
        }

        @Override
        public void close(Duration grace) {
            closeAsync();
        }

        /** The app's own thread may be one the session waits for: close from a thread of the session's. */
        private void closeAsync() {
            var t = new Thread(session::close, "brisk-dev-close");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void awaitStop() throws InterruptedException {
            session.awaitClosed();
        }
    }
}
