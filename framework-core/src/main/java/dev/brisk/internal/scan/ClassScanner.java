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


/** Finds the classes that matter to Brisk in the scanned packages: from the loader's directories and jars, else with ClassGraph. */
final class ClassScanner {
    static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS =
            List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class, Head.class, Options.class);
    /** What makes a class matter besides {@code @Router}: one of its own methods carries one of these. */
    static final List<Class<? extends Annotation>> SCANNED_METHOD_ANNOTATIONS = Stream.concat(ROUTE_ANNOTATIONS.stream(),
            Stream.of(dev.brisk.WebSocket.class, Provides.class, OnStartup.class, OnShutdown.class)).toList();

    private ClassScanner() {
    }

    /** Classes with routes, providers or lifecycle methods in {@code packages}, sorted by name. */
    static List<Class<?>> scan(List<String> packages) {
        if (packages.isEmpty()) return List.of();
        // A dev-mode generation (or another per-app loader) holds the current classes: scan and load through it.
        ClassLoader child = AppLoader.child().orElse(null);
        ClassLoader loader = child != null ? child : ClassScanner.class.getClassLoader();
        var listed = PackageClassFiles.candidates(packages, loader);
        return listed.isPresent() ? fromFiles(listed.get(), loader) : withClassGraph(packages, child);
    }

    /** The candidates' classes (loaded, not initialised) that have what the ClassGraph scan looks for. */
    private static List<Class<?>> fromFiles(List<String> names, ClassLoader loader) {
        var out = new ArrayList<Class<?>>();
        for (String n : names) {
            Class<?> c = load(n, loader);
            if (c.isAnnotation() || c.isInterface() && !c.isAnnotationPresent(Router.class)) continue;
            if (c.isAnnotationPresent(Router.class) || hasScannedMethod(c)) out.add(c);
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private static boolean hasScannedMethod(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            for (var a : SCANNED_METHOD_ANNOTATIONS) if (m.isAnnotationPresent(a)) return true;
        }
        return false;
    }

    static List<Class<?>> withClassGraph(List<String> packages, ClassLoader child) {
        var out = new ArrayList<Class<?>>();
        var graph = new ClassGraph()
                .enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility()
                .acceptPackages(packages.toArray(String[]::new));
        if (child != null) graph.overrideClassLoaders(child);
        try (var result = graph.scan()) {
            var names = new LinkedHashSet<String>();
            result.getClassesWithAnnotation(Router.class).forEach(ci -> names.add(ci.getName()));
            for (var a : ROUTE_ANNOTATIONS) result.getClassesWithMethodAnnotation(a).forEach(ci -> names.add(ci.getName()));
            for (var a : SCANNED_METHOD_ANNOTATIONS) result.getClassesWithMethodAnnotation(a).forEach(ci -> names.add(ci.getName()));
            for (String n : names) {
                var ci = result.getClassInfo(n);
                if (ci.isAnnotation() || ci.isInterface() && !ci.hasAnnotation(Router.class)) continue;
                out.add(child != null ? load(n, child) : ci.loadClass());
            }
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StartupException("cannot load " + name + ": " + e, e);
        }
    }

    static boolean isRouteClass(Class<?> c) {
        if (c.isAnnotationPresent(Router.class)) return true;
        for (Method m : c.getDeclaredMethods()) if (routeAnnotation(m) != null || m.isAnnotationPresent(dev.brisk.WebSocket.class)) return true;
        return false;
    }

    static boolean hasLifecycle(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(OnStartup.class) || m.isAnnotationPresent(OnShutdown.class)) return true;
        }
        return false;
    }

    static boolean needsInstance(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            if (routeAnnotation(m) != null || m.isAnnotationPresent(dev.brisk.WebSocket.class) || m.isAnnotationPresent(Provides.class)
                    || m.isAnnotationPresent(OnStartup.class) || m.isAnnotationPresent(OnShutdown.class)) {
                return true;
            }
        }
        return false;
    }

    static Annotation routeAnnotation(Method m) {
        Annotation found = null;
        for (var a : ROUTE_ANNOTATIONS) {
            var x = m.getAnnotation(a);
            if (x != null) {
                if (found != null) throw new StartupException(ModelBuilder.name(m) + " has two route annotations");
                found = x;
            }
        }
        return found;
    }
}
