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


/** {@code @OnStartup} and {@code @OnShutdown} methods of the route classes. */
public final class Lifecycle {
    /** A lifecycle method and the instance to call it on (null for static). */
    public record Method(java.lang.reflect.Method method, Object target) {
    }

    private final List<Method> startup = new ArrayList<>();
    private final List<Method> shutdown = new ArrayList<>();
    private final Set<java.lang.reflect.Method> seenMethods = new java.util.HashSet<>();

    List<Method> startup() {
        return List.copyOf(startup);
    }

    List<Method> shutdown() {
        return List.copyOf(shutdown);
    }

    void collect(Class<?> c, Object instance) {
        java.lang.reflect.Method[] methods = c.getDeclaredMethods();
        Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
        for (java.lang.reflect.Method m : methods) {
            boolean start = m.isAnnotationPresent(OnStartup.class), stop = m.isAnnotationPresent(OnShutdown.class);
            if (!start && !stop) continue;
            if (!seenMethods.add(m)) continue;
            if (m.getParameterCount() != 0) throw new StartupException(ModelBuilder.name(m) + ": lifecycle methods take no parameters");
            m.setAccessible(true);
            var l = new Method(m, Modifier.isStatic(m.getModifiers()) ? null : instance);
            if (start) startup.add(l);
            if (stop) shutdown.add(l);
        }
    }
}
