package dev.brisk.internal.scan;

import dev.brisk.Blocking;
import dev.brisk.Body;
import dev.brisk.Brisk;
import dev.brisk.Cookie;
import dev.brisk.Delete;
import dev.brisk.Depends;
import dev.brisk.Form;
import dev.brisk.Get;
import dev.brisk.Head;
import dev.brisk.Header;
import dev.brisk.OnShutdown;
import dev.brisk.OnStartup;
import dev.brisk.Options;
import dev.brisk.Patch;
import dev.brisk.Path;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Put;
import dev.brisk.Query;
import dev.brisk.Request;
import dev.brisk.BackgroundTasks;
import dev.brisk.Middleware;
import dev.brisk.StartupException;
import dev.brisk.UseMiddleware;
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.binding.Scalar;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamDef.Container;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteDoc;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.routing.PathTemplate;
import io.github.classgraph.ClassGraph;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Stream;


/**
 * The app's providers: singletons given to the builder and {@code @Provides} methods, each checked
 * once (its parameters inferred, cycles refused); also creates route-class instances from them.
 */
final class Providers {
    private final Map<Class<?>, List<ProviderDef>> providers = new LinkedHashMap<>();
    private final Set<ProviderDef> resolving = new LinkedHashSet<>();
    private final Set<ProviderDef> resolved = new java.util.HashSet<>();
    private final Map<Class<?>, Object> instances = new LinkedHashMap<>();
    private final ParamInference params = new ParamInference(this);

    ParamInference params() {
        return params;
    }

    /** Built-in providers registered only when something asks for one of their types (most apps never do). */
    private final Map<Class<?>, Runnable> onDemand = new java.util.HashMap<>();

    /**
     * Registers {@code register}'s providers the first time a route, provider or constructor asks for one of
     * {@code types}; an app that asks for none never reads their methods or compiles them.
     */
    void addOnDemand(Runnable register, Class<?>... types) {
        for (Class<?> t : types) onDemand.put(t, register);
    }

    private void demand(Class<?> type) {
        Runnable register = onDemand.get(type);
        if (register == null) return;
        onDemand.values().removeIf(r -> r == register);
        register.run();
    }

    boolean provides(Class<?> type) {
        demand(type);
        return providers.containsKey(type);
    }

    List<ProviderDef> all() {
        var all = new ArrayList<ProviderDef>();
        providers.values().forEach(all::addAll);
        return all;
    }

    /** The singleton given for {@code type}, or null. */
    Object singletonOf(Class<?> type) {
        demand(type);
        for (var p : providers.getOrDefault(type, List.of())) if (p.singleton() != null) return p.singleton();
        return null;
    }

    /** Checks every provider, even unused ones (a broken provider is a bug either way). */
    void resolveAll() {
        int before;
        do {   // resolving one may register built-ins on demand: until no more come
            before = providers.size();
            for (var p : all()) resolveProvider(p);
        } while (providers.size() != before);
    }

    Object instantiate(Class<?> c) {
        var existing = instances.get(c);
        if (existing != null) return existing;
        if (Modifier.isAbstract(c.getModifiers())) {
            throw new StartupException(c.getName() + " has instance routes but is abstract");
        }
        Constructor<?>[] ctors = c.getDeclaredConstructors();
        Constructor<?> ctor = Arrays.stream(ctors).filter(k -> Modifier.isPublic(k.getModifiers()))
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElse(ctors.length == 1 ? ctors[0] : null);
        if (ctor == null) throw new StartupException(c.getName() + ": no public constructor to create the route class with");
        var args = new Object[ctor.getParameterCount()];
        Class<?>[] types = ctor.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            args[i] = startupValue(types[i], c.getName() + " constructor parameter " + (i + 1) + " (" + types[i].getSimpleName() + ")");
        }
        try {
            ctor.setAccessible(true);
            Object inst = ctor.newInstance(args);
            instances.put(c, inst);
            return inst;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new StartupException("constructing " + c.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new StartupException("cannot construct " + c.getName() + ": " + e, e);
        }
    }

    /** A constructor argument: a provided singleton or a parameterless static provider, called once. */
    private Object startupValue(Class<?> type, String what) {
        demand(type);
        var list = providers.getOrDefault(type, List.of());
        for (var p : list) {
            if (p.singleton() != null) return p.singleton();
        }
        for (var p : list) {
            if (p.method() != null && p.method().getParameterCount() == 0 && Modifier.isStatic(p.method().getModifiers()) && !p.async()) {
                try {
                    p.method().setAccessible(true);
                    return p.method().invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new StartupException("provider " + p.describe() + " failed while creating " + what + ": " + e, e);
                }
            }
        }
        throw new StartupException(what + ": nothing provides " + type.getName()
                + "; register it with App.builder().provide(" + type.getSimpleName() + ".class, instance)");
    }

    void addProviders(Class<?> c, Object instance, boolean staticOnly) {
        for (Method m : c.getDeclaredMethods()) {
            var ann = m.getAnnotation(Provides.class);
            if (ann == null) continue;
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (staticOnly != isStatic) continue;
            if (!isStatic && instance == null) continue;
            Type ret = m.getGenericReturnType();
            boolean async = CompletionStage.class.isAssignableFrom(m.getReturnType()) && !m.isAnnotationPresent(Blocking.class);
            Type value = CompletionStage.class.isAssignableFrom(m.getReturnType()) ? Types.arg(ret, 0) : ret;
            if (m.getReturnType() == void.class) {
                throw new StartupException("@Provides method " + ModelBuilder.name(m) + " returns void; a provider must return the value it provides");
            }
            m.setAccessible(true);
            addProvider(new ProviderDef(Types.raw(value), ann.value(), m, isStatic ? null : instance, null, value, async));
        }
    }

    void addProvider(ProviderDef p) {
        var list = providers.computeIfAbsent(p.type(), k -> new ArrayList<>());
        for (var other : list) {
            if (other.qualifier().equals(p.qualifier())) {
                if (other.method() != null && other.method().equals(p.method())) return;
                throw new StartupException("two providers of " + p.type().getName()
                        + (p.qualifier().isEmpty() ? "" : " qualified \"" + p.qualifier() + "\"") + ": "
                        + other.describe() + " and " + p.describe() + "; give them distinct @Provides(\"...\") qualifiers");
            }
        }
        list.add(p);
    }

    ProviderDef findProvider(Class<?> type, String qualifier, String user) {
        demand(type);
        var list = providers.get(type);
        if (list == null || list.isEmpty()) {
            if (type.getPackageName().equals("dev.brisk.security")) {
                throw new StartupException(user + ": no security scheme gives " + type.getSimpleName()
                        + "; register the scheme with App.builder().security(...), e.g. security(HttpBearer.create())"
                        + (type.getSimpleName().equals("Credentials") ? " (Credentials come from an AnyOf)" : ""));
            }
            throw new StartupException(user + ": no provider for " + type.getName()
                    + "; add a @Provides method returning it or App.builder().provide(" + type.getSimpleName() + ".class, ...)");
        }
        if (!qualifier.isEmpty()) {
            for (var p : list) if (p.qualifier().equals(qualifier)) return p;
            throw new StartupException(user + ": no provider of " + type.getName() + " qualified \"" + qualifier + "\"");
        }
        if (list.size() == 1) return list.get(0);
        for (var p : list) if (p.qualifier().isEmpty()) return p;
        throw new StartupException(user + ": " + list.size() + " providers of " + type.getName() + " ("
                + list.stream().map(p -> "\"" + p.qualifier() + "\"").toList() + "); choose one with @Depends(\"qualifier\")");
    }

    void resolveProvider(ProviderDef p) {
        if (p.method() == null || resolved.contains(p)) return;
        if (!resolving.add(p)) {
            var cycle = new ArrayList<String>();
            boolean in = false;
            for (var q : resolving) {
                if (q == p) in = true;
                if (in) cycle.add(q.describe());
            }
            cycle.add(p.describe());
            throw new StartupException("dependency cycle: " + String.join(" -> ", cycle));
        }
        p.params(params.inferParams(p.method(), Set.of(), "provider " + p.describe(), false));
        WebSocketInference.noSession(p.params(), "provider " + p.describe());
        resolving.remove(p);
        resolved.add(p);
    }
}
