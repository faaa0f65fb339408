package dev.brisk.dispatch;

import io.netty.util.concurrent.FastThreadLocalThread;

/** Describes the current thread as {@code name|loop|virtual} flags for assertions. */
final class ThreadKind {
    private ThreadKind() {
    }

    static String current() {
        Thread t = Thread.currentThread();
        return t.getName() + "|" + (t instanceof FastThreadLocalThread ? "netty" : "plain") + "|" + (isVirtual(t) ? "virtual" : "platform");
    }

    static boolean isVirtual(Thread t) {
        if (Runtime.version().feature() < 21) return false;
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
