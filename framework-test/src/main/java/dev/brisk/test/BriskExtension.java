package dev.brisk.test;

import dev.brisk.App;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extension behind {@link BriskTest}: one {@link TestClient} per class that supplies an app,
 * kept in that class's store (JUnit closes it, as an {@code AutoCloseable}, after the class).
 */
final class BriskExtension implements TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BriskExtension.class);

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        var fields = ReflectionSupport.findFields(testInstance.getClass(),
                f -> !Modifier.isStatic(f.getModifiers()) && f.getType() == TestClient.class, HierarchyTraversalMode.TOP_DOWN);
        for (Field f : fields) {
            try {
                f.setAccessible(true);
                if (Modifier.isFinal(f.getModifiers())) {
                    if (f.get(testInstance) != null) continue; // set by the constructor, e.g. from its own TestClient parameter
                    throw new ExtensionConfigurationException("@BriskTest cannot inject the final field " + describe(f) + "; remove 'final'");
                }
                f.set(testInstance, client(context));
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("@BriskTest cannot inject " + describe(f) + ": " + e, e);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return client(extensionContext);
    }

    /** The client of the nearest enclosing class context whose class supplies an app, started on first use. */
    private static TestClient client(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            var ctx = c.get();
            if (!(ctx.getElement().orElse(null) instanceof Class<?> type)) continue;
            var source = appSource(type);
            if (source.isEmpty()) continue;
            return ctx.getStore(NAMESPACE).getOrComputeIfAbsent(type,
                    k -> TestClient.of(readApp(source.get()), options(type)), TestClient.class);
        }
        var testClass = context.getRequiredTestClass();
        throw new ExtensionConfigurationException("@BriskTest class " + testClass.getName() + " has no app: add a static method"
                + " without parameters or a static field of type " + App.class.getName() + " (annotated @BriskApp if there are several)");
    }

    private static TestClient.Options options(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            var ann = AnnotationSupport.findAnnotation(c, BriskTest.class);
            if (ann.isPresent()) return TestClient.Options.defaults().raiseServerExceptions(ann.get().raiseServerExceptions());
        }
        return TestClient.Options.defaults();
    }

    /** The member that supplies the app of {@code type}, if it has one. */
    static Optional<Member> appSource(Class<?> type) {
        var annotated = new ArrayList<Member>();
        annotated.addAll(ReflectionSupport.findMethods(type, m -> m.isAnnotationPresent(BriskApp.class), HierarchyTraversalMode.TOP_DOWN));
        annotated.addAll(ReflectionSupport.findFields(type, f -> f.isAnnotationPresent(BriskApp.class), HierarchyTraversalMode.TOP_DOWN));
        for (Member m : annotated) {
            if (!suppliesApp(m)) {
                throw new ExtensionConfigurationException("@BriskApp " + describe(m) + " must be a static method without parameters"
                        + " or a static field, of type " + App.class.getName());
            }
        }
        if (annotated.size() > 1) {
            throw new ExtensionConfigurationException("Several @BriskApp members in " + type.getName() + ": " + names(annotated));
        }
        if (annotated.size() == 1) return Optional.of(annotated.get(0));
        var candidates = new ArrayList<Member>();
        candidates.addAll(ReflectionSupport.findMethods(type, BriskExtension::suppliesApp, HierarchyTraversalMode.TOP_DOWN));
        candidates.addAll(ReflectionSupport.findFields(type, BriskExtension::suppliesApp, HierarchyTraversalMode.TOP_DOWN));
        if (candidates.size() > 1) {
            throw new ExtensionConfigurationException("Several static members of type App in " + type.getName() + ": " + names(candidates)
                    + "; annotate the one to test with @BriskApp");
        }
        return candidates.stream().findFirst();
    }

    private static boolean suppliesApp(Member m) {
        if (!Modifier.isStatic(m.getModifiers())) return false;
        if (m instanceof Method method) return method.getParameterCount() == 0 && App.class.isAssignableFrom(method.getReturnType());
        return m instanceof Field f && App.class.isAssignableFrom(f.getType());
    }

    private static App readApp(Member source) {
        Object app;
        if (source instanceof Method m) {
            app = ReflectionSupport.invokeMethod(m, null);
        } else {
            var f = (Field) source;
            try {
                f.setAccessible(true);
                app = f.get(null);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("Cannot read " + describe(f) + ": " + e, e);
            }
        }
        if (app == null) throw new ExtensionConfigurationException(describe(source) + " supplied null instead of an App");
        return (App) app;
    }

    private static String describe(Member m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + (m instanceof Method ? "()" : "");
    }

    private static String names(List<Member> members) {
        return String.join(", ", members.stream().map(BriskExtension::describe).toList());
    }
}
