package dev.brisk.internal.scan;

import dev.brisk.StartupException;
import dev.brisk.Responds;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.binding.FieldDefaults;
import dev.brisk.internal.http.HttpStatus;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.ResponseDoc;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a route declares with annotations besides its route annotation, read into the route model:
 * the responses of {@link Responds}, and the checks of {@link dev.brisk.Default} on the records it
 * reads and returns. Called by the model builder.
 */
public final class RouteDeclarations {
    private RouteDeclarations() {
    }

    /**
     * The {@code @Responds} of a route method and its router class (the method's win for a status they
     * share), in status order. {@code success} is the route's own status, which cannot be declared.
     */
    public static List<ResponseDoc> responses(Method m, Class<?> router, int success) {
        var byStatus = new TreeMap<Integer, ResponseDoc>();
        byStatus.putAll(read(declared(router), "class " + router.getName(), success));
        byStatus.putAll(read(declared(m), ModelBuilder.name(m), success));
        return List.copyOf(byStatus.values());
    }

    /**
     * The element's {@code @Responds}, one or repeated: what {@code getAnnotationsByType} gives, without its
     * reading {@code @Responds}'s own annotations to find the container (which makes the JDK write a proxy
     * class for each meta-annotation type it has not met: ~3 ms apiece while an app starts).
     */
    private static Responds[] declared(AnnotatedElement e) {
        Responds one = e.getAnnotation(Responds.class);
        Responds.List many = e.getAnnotation(Responds.List.class);
        if (many == null) return one == null ? new Responds[0] : new Responds[] {one};
        if (one == null) return many.value();
        var all = new Responds[many.value().length + 1];
        all[0] = one;
        System.arraycopy(many.value(), 0, all, 1, all.length - 1);
        return all;
    }

    private static TreeMap<Integer, ResponseDoc> read(Responds[] declared, String where, int success) {
        var out = new TreeMap<Integer, ResponseDoc>();
        for (Responds r : declared) {
            int status = r.status();
            if (status < 100 || status > 599) {
                throw new StartupException(where + ": @Responds(status = " + status + ") is not an HTTP status (100..599)");
            }
            if (status == success) {
                throw new StartupException(where + ": @Responds(status = " + status + ") is the route's own success status, documented "
                        + "from its return type; change it with the route annotation's status, describe it with its description");
            }
            String description = r.description().isBlank() ? HttpStatus.reason(status) : r.description();
            Class<?> model = r.model() == void.class || r.model() == Void.class ? null : r.model();
            if (out.put(status, new ResponseDoc(status, description, model)) != null) {
                throw new StartupException(where + ": @Responds(status = " + status + ") is declared twice");
            }
        }
        return out;
    }

    /**
     * Checks every {@code @Default} on the records a route or provider reads as a body or returns: a
     * simple type's must convert, any other's must be one JSON value. (The binder then reads JSON
     * defaults into their type, and checks them against the field's constraints, when it compiles the
     * body readers.)
     */
    public static void checkDefaults(RouteModel model) {
        var seen = new HashSet<Class<?>>();
        for (RouteDef r : model.routes()) {
            String user = r.describe();
            for (ParamDef p : r.params()) if (p.kind() == ParamKind.BODY) walk(p.type(), seen, user);
            walk(r.resultType(), seen, user);
        }
        for (ProviderDef p : model.providers()) {
            for (ParamDef d : p.params()) if (d.kind() == ParamKind.BODY) walk(d.type(), seen, "provider " + p.describe());
        }
    }

    private static void walk(Type t, Set<Class<?>> seen, String user) {
        if (t instanceof ParameterizedType pt) {
            for (Type a : pt.getActualTypeArguments()) walk(a, seen, user);
        } else if (t instanceof GenericArrayType g) {
            walk(g.getGenericComponentType(), seen, user);
        }
        Class<?> c = Types.raw(t);
        while (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive() || c.isEnum() || c.getName().startsWith("java.") || !seen.add(c)) return;
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                check(rc, user);
                walk(rc.getGenericType(), seen, user);
            }
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) walk(f.getGenericType(), seen, user);
        }
    }

    private static void check(RecordComponent rc, String user) {
        String raw = FieldDefaults.raw(rc);
        if (raw == null) return;
        try {
            if (FieldDefaults.isText(rc.getGenericType())) FieldDefaults.text(rc.getGenericType(), raw);
            else FieldDefaults.checkJsonSyntax(raw);
        } catch (IllegalArgumentException e) {
            throw new StartupException(FieldDefaults.describe(rc) + " (used by " + user + "): " + e.getMessage());
        }
    }
}
