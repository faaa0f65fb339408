package dev.brisk.internal.model;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A dependency provider: a {@code @Provides} method or a provided singleton ({@code method == null}).
 * Its parameters are bound like a handler's.
 */
public final class ProviderDef {
    private final Class<?> type;
    private final String qualifier;
    private final Method method;
    private final Object target;
    private final Object singleton;
    private final Type valueType;
    private final boolean async;
    private List<ParamDef> params = List.of();

    public ProviderDef(Class<?> type, String qualifier, Method method, Object target, Object singleton,
                       Type valueType, boolean async) {
        this.type = type;
        this.qualifier = qualifier;
        this.method = method;
        this.target = target;
        this.singleton = singleton;
        this.valueType = valueType;
        this.async = async;
    }

    /** The produced type (futures unwrapped). */
    public Class<?> type() { return type; }
    /** The qualifier, or "" when none. */
    public String qualifier() { return qualifier; }
    /** The provider method, or {@code null} for a singleton. */
    public Method method() { return method; }
    /** The instance the method is called on ({@code null} for static methods). */
    public Object target() { return target; }
    /** The singleton value, when this provider is an instance given to the builder. */
    public Object singleton() { return singleton; }
    /** Generic produced type. */
    public Type valueType() { return valueType; }
    /** True when the method returns a future. */
    public boolean async() { return async; }
    /** The provider's own parameters. */
    public List<ParamDef> params() { return params; }

    public void params(List<ParamDef> p) { this.params = List.copyOf(p); }

    /** "Class.method" or the singleton's type, for messages. */
    public String describe() {
        return method == null ? "provided " + type.getName()
                : method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }

    @Override
    public String toString() {
        return describe();
    }
}
