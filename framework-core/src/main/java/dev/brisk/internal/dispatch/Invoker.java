package dev.brisk.internal.dispatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** A precompiled call of a handler or provider method: a spread MethodHandle, no reflection per call. */
public final class Invoker {
    private final MethodHandle handle;

    private Invoker(MethodHandle handle) {
        this.handle = handle;
    }

    public static Invoker of(Method m, Object target) {
        try {
            m.setAccessible(true);
            MethodHandle mh = MethodHandles.lookup().unreflect(m);
            if (!Modifier.isStatic(m.getModifiers())) mh = mh.bindTo(target);
            if (m.getReturnType() == void.class) {
                mh = MethodHandles.filterReturnValue(mh, MethodHandles.constant(Object.class, null));
            }
            mh = mh.asSpreader(Object[].class, m.getParameterCount()).asType(MethodType.methodType(Object.class, Object[].class));
            return new Invoker(mh);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot access " + m, e);
        }
    }

    public Object invoke(Object[] args) throws Throwable {
        return (Object) handle.invokeExact(args);
    }
}
