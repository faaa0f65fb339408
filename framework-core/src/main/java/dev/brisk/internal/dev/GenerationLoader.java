package dev.brisk.internal.dev;

import dev.brisk.Server;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.app.DevHook;
import dev.brisk.internal.app.Generation;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class loader of one generation: the app's class directories (or jar), child first, so that
 * the current class files win over any copy the parent holds (in an IDE the same directory is on the
 * class path too); everything else (Brisk, Netty, the dependencies) comes from the parent, once for
 * all generations. It is also where the generation's main method hands over its app.
 */
final class GenerationLoader extends URLClassLoader implements DevHook.Claimer {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** What the main method started. */
    record Claimed(AppRuntime app, Generation generation) {
    }

    final int number;
    private final DevSession session;
    private final AtomicBoolean claiming = new AtomicBoolean();
    final CompletableFuture<Claimed> claimed = new CompletableFuture<>();
    private final CountDownLatch retired = new CountDownLatch(1);

    GenerationLoader(int number, URL[] roots, ClassLoader parent, DevSession session) {
        super("brisk-dev-" + number, roots, parent);
        this.number = number;
        this.session = session;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // not one of the app's: the parent's
                }
            }
            if (c == null) return super.loadClass(name, resolve);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        var all = new ArrayList<URL>();
        all.addAll(Collections.list(findResources(name)));
        var parent = getParent();
        if (parent != null) all.addAll(Collections.list(parent.getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public Optional<Server> claim(AppRuntime app, String host, int port, boolean blocking) {
        if (!claiming.compareAndSet(false, true)) return Optional.empty();
        Server view;
        try {
            view = session.bind(host, port, app);
            var generation = Generation.start(app, session.detector());
            claimed.complete(new Claimed(app, generation));
        } catch (RuntimeException | Error e) {
            claimed.completeExceptionally(e);
            throw e;
        }
        if (blocking) awaitRetired();
        return Optional.of(view);
    }

    /** Main returned or threw: if it started no app, this generation failed. */
    void mainEnded(Throwable failure) {
        if (claimed.isDone()) return;
        claimed.completeExceptionally(failure != null ? failure
                : new IllegalStateException("main returned without starting the app (App.run or App.start)"));
    }

    void retire() {
        retired.countDown();
    }

    private void awaitRetired() {
        try {
            retired.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "GenerationLoader[" + number + "]";
    }
}
