package dev.brisk.internal.dispatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A precompiled call of a handler or provider method: a spread MethodHandle, no reflection per call.
 * The handle's adapter chain (bound, spread, cast) spins lambda-form classes the first time each shape is
 * met, a few milliseconds apiece in a cold JVM that JDK 17's class-data archive does not keep, so it is
 * made by {@link #link()} after the app is built (RouteCompiler's warm-up, once a server is about to serve)
 * or by the first call that comes sooner.
 */
public final class Invoker {
    private final Method method;
    private final Object target;
    private volatile MethodHandle handle;

    private Invoker(Method method, Object target) {
        this.method = method;
        this.target = target;
    }

    /** Fails at once when the method cannot be made accessible; the handle itself is made later. */
    public static Invoker of(Method m, Object target) {
        m.setAccessible(true);
        return new Invoker(m, target);
    }

    public Object invoke(Object[] args) throws Throwable {
        MethodHandle h = handle;
        if (h == null) h = link();
        return (Object) h.invokeExact(args);
    }

    /** Makes the handle now, once (two racing calls make equal handles and one is kept). */
    public MethodHandle link() {
        MethodHandle h = handle;
        if (h != null) return h;
        try {
            h = MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot access " + method, e);   // made accessible in of()
        }
        if (!Modifier.isStatic(method.getModifiers())) h = h.bindTo(target);
        if (method.getReturnType() == void.class) {
            h = MethodHandles.filterReturnValue(h, MethodHandles.constant(Object.class, null));
        }
        h = h.asSpreader(Object[].class, method.getParameterCount()).asType(MethodType.methodType(Object.class, Object[].class));
        handle = h;
        return h;
    }

    /** Whether {@link #link()} has run (for tests). */
    public boolean linked() {
        return handle != null;
    }
}
