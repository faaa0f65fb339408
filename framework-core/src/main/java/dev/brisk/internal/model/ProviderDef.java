package dev.brisk.internal.model;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A dependency provider: a {@code @Provides} method, a provided singleton ({@code method == null}), or
 * one Brisk implements itself ({@link #body()}: security schemes, {@code SecurityScopes}). Its
 * parameters are bound like a handler's.
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
    private ProviderBody body;
    private Object security;
    private String label;

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

    /**
     * A provider Brisk implements itself, with its parameters already known.
     *
     * @param security the {@code dev.brisk.security.SecurityScheme} whose credentials it reads, or null
     * @param label how messages name it, e.g. {@code security scheme "HTTPBearer"}
     */
    public static ProviderDef builtIn(Class<?> type, String qualifier, List<ParamDef> params, ProviderBody body,
                                      Object security, String label) {
        var p = new ProviderDef(type, qualifier, null, null, null, type, false);
        p.params(params);
        p.body = body;
        p.security = security;
        p.label = label;
        return p;
    }

    /** The code of a provider Brisk implements itself, or null. */
    public ProviderBody body() { return body; }

    /** The security scheme ({@code dev.brisk.security.SecurityScheme}) whose credentials this provider reads. */
    public Optional<Object> security() { return Optional.ofNullable(security); }

    /**
     * What a provider that may find nothing (a security scheme without credentials in the request)
     * produces instead of a value: an {@code Optional} parameter gets {@code Optional.empty()}, any
     * other parameter ends the request with {@link #failure()}.
     */
    public static final class Absent {
        private final Supplier<? extends RuntimeException> failure;

        public Absent(Supplier<? extends RuntimeException> failure) {
            this.failure = failure;
        }

        /** The exception a required parameter ends the request with. */
        public RuntimeException failure() {
            return failure.get();
        }
    }

    /** "Class.method" or the singleton's type, for messages. */
    public String describe() {
        if (label != null) return label;
        return method == null ? "provided " + type.getName()
                : method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }

    @Override
    public String toString() {
        return describe();
    }
}
