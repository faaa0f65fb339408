package dev.brisk.examples;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an example (or, with {@code core-only}, just the transport warm-up's first step) with the transport
 * warm-up marked done and never run, so that every Netty class is loaded by the thread that needs it: what
 * NettyClassesWhileWarmingUpTest reads from the class-load log.
 */
public final class WithoutTransportWarmup {
    private WithoutTransportWarmup() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> w = Class.forName("dev.brisk.internal.netty.TransportWarmup");
        if (args[0].equals("core-only")) {
            Method core = w.getDeclaredMethod("initCore");
            core.setAccessible(true);
            core.invoke(null);
            return;
        }
        ((AtomicBoolean) field(w, "STARTED")).set(true);
        ((CountDownLatch) field(w, "CORE")).countDown();
        ((CountDownLatch) field(w, "DONE")).countDown();
        Main.main(args);
    }

    private static Object field(Class<?> c, String name) throws ReflectiveOperationException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
