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
import java.util.Comparator;
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


/** Where each handler or provider parameter comes from, inferred as FastAPI does (see DESIGN.md). */
final class ParamInference {
    private final Providers providers;

    ParamInference(Providers providers) {
        this.providers = providers;
    }

    List<ParamDef> inferParams(Method m, Set<String> pathNames, String user, boolean isRoute) {
        Parameter[] ps = m.getParameters();
        var out = new ArrayList<ParamDef>(ps.length);
        for (int i = 0; i < ps.length; i++) {
            Parameter p = ps[i];
            if (!p.isNamePresent() && !explicitlyNamed(p)) {
                throw new StartupException(user + ": parameter names are missing: compile with -parameters"
                        + " (maven-compiler-plugin <parameters>true</parameters>, or javac -parameters), then rebuild from clean"
                        + " (mvn clean package): classes compiled before the flag was added keep no names");
            }
            out.add(inferParam(i, p, pathNames, user));
        }
        // Several bodies: every body is embedded under its name.
        long bodies = out.stream().filter(d -> d.kind() == ParamKind.BODY).count();
        boolean forms = out.stream().anyMatch(d -> d.kind() == ParamKind.FORM);
        if (bodies > 0 && forms) throw new StartupException(user + ": cannot mix JSON body and @Form parameters");
        if (bodies > 1) {
            out.replaceAll(d -> d.kind() != ParamKind.BODY || d.embed() ? d
                    : new ParamDef(d.index(), d.kind(), d.javaName(), d.wireName(), d.type(), d.valueType(), d.container(),
                    d.required(), d.defaultValue(), true, d.element(), d.dependency(), d.useCache()));
        }
        return List.copyOf(out);
    }

    private static boolean explicitlyNamed(Parameter p) {
        if (p.getType() == Request.class || p.getType() == Response.class || p.getType() == BackgroundTasks.class
                || p.getType() == dev.brisk.WebSocketSession.class
                || p.isAnnotationPresent(Depends.class)) return true;
        for (var a : p.getAnnotations()) {
            if (a instanceof Path x && !x.value().isEmpty()) return true;
            if (a instanceof Query x && !x.value().isEmpty()) return true;
            if (a instanceof Header x && !x.value().isEmpty()) return true;
            if (a instanceof Cookie x && !x.value().isEmpty()) return true;
            if (a instanceof Form x && !x.value().isEmpty()) return true;
        }
        return false;
    }

    private ParamDef inferParam(int index, Parameter p, Set<String> pathNames, String user) {
        Class<?> raw = p.getType();
        Type type = p.getParameterizedType();
        String jname = p.getName();
        String where = user + " parameter '" + jname + "'";
        if (raw == Request.class) return simple(index, ParamKind.REQUEST, p);
        if (raw == Response.class) return simple(index, ParamKind.RESPONSE, p);
        if (raw == BackgroundTasks.class) return simple(index, ParamKind.BACKGROUND, p);
        if (raw == dev.brisk.WebSocketSession.class) return simple(index, ParamKind.WEBSOCKET, p);

        var dep = p.getAnnotation(Depends.class);
        Path path = p.getAnnotation(Path.class);
        Query query = p.getAnnotation(Query.class);
        Header header = p.getAnnotation(Header.class);
        Cookie cookie = p.getAnnotation(Cookie.class);
        Body body = p.getAnnotation(Body.class);
        Form form = p.getAnnotation(Form.class);
        int explicit = (dep != null ? 1 : 0) + (path != null ? 1 : 0) + (query != null ? 1 : 0) + (header != null ? 1 : 0)
                + (cookie != null ? 1 : 0) + (body != null ? 1 : 0) + (form != null ? 1 : 0);
        if (explicit > 1) throw new StartupException(where + " has more than one source annotation");

        // Optional<T> of a provided T is an optional dependency (e.g. Optional<BearerToken>: empty without credentials).
        Class<?> provided = raw == Optional.class && type instanceof java.lang.reflect.ParameterizedType ? Types.raw(Types.arg(type, 0)) : raw;
        // dev.brisk.security's types (credentials, forms, scopes) are always dependencies: without a scheme, a clear error.
        boolean security = provided.getPackageName().equals("dev.brisk.security");
        if (dep == null && explicit == 0 && (providers.provides(provided) || security) && !pathNames.contains(jname)) {
            dep = DEFAULT_DEPENDS;
        }
        if (dep != null) {
            Class<?> depType = raw == Optional.class ? Types.raw(Types.arg(type, 0)) : raw;
            var provider = providers.findProvider(depType, dep.value(), where);
            providers.resolveProvider(provider);
            return new ParamDef(index, ParamKind.DEPENDS, jname, jname, type, depType, Container.NONE, true, null, false, p, provider, dep.useCache());
        }

        // unwrap containers
        Container container = Container.NONE;
        Type inner = type;
        if (raw == Optional.class) {
            container = Container.OPTIONAL;
            inner = Types.arg(type, 0);
        } else if (raw == List.class || raw == Collection.class || raw == Set.class) {
            container = raw == Set.class ? Container.SET : Container.LIST;
            inner = Types.arg(type, 0);
        }
        Class<?> valueType = Types.raw(inner);
        boolean simple = Scalar.isScalar(valueType) && !(inner instanceof java.lang.reflect.ParameterizedType);
        if (valueType == dev.brisk.UploadFile.class) {
            // A file part of a multipart form: UploadFile, Optional<UploadFile>, List<UploadFile>.
            if (path != null || query != null || header != null || cookie != null || body != null) {
                throw new StartupException(where + ": an UploadFile comes from a multipart form body; use no annotation or @Form");
            }
            if (container == Container.SET) throw new StartupException(where + ": use List<UploadFile> for several files");
            String wire = form != null && !form.value().isEmpty() ? form.value() : jname;
            return new ParamDef(index, ParamKind.FORM, jname, wire, type, valueType, container, container == Container.NONE, null, false, p, null, true);
        }

        ParamKind kind;
        String wire;
        String def = null;
        boolean embed = false;
        if (path != null) {
            kind = ParamKind.PATH;
            wire = path.value().isEmpty() ? jname : path.value();
            def = nullIfNone(path.defaultValue());
        } else if (query != null) {
            kind = ParamKind.QUERY;
            wire = query.value().isEmpty() ? jname : query.value();
            def = nullIfNone(query.defaultValue());
        } else if (header != null) {
            kind = ParamKind.HEADER;
            wire = header.value().isEmpty() ? headerName(jname) : header.value();
            def = nullIfNone(header.defaultValue());
        } else if (cookie != null) {
            kind = ParamKind.COOKIE;
            wire = cookie.value().isEmpty() ? jname : cookie.value();
            def = nullIfNone(cookie.defaultValue());
        } else if (form != null) {
            kind = ParamKind.FORM;
            wire = form.value().isEmpty() ? jname : form.value();
            def = nullIfNone(form.defaultValue());
        } else if (body != null) {
            kind = ParamKind.BODY;
            wire = body.value().isEmpty() ? jname : body.value();
            embed = body.embed();
        } else if (pathNames.contains(jname)) {
            kind = ParamKind.PATH;
            wire = jname;
        } else if (simple) {
            kind = ParamKind.QUERY;
            wire = jname;
        } else {
            kind = ParamKind.BODY;
            wire = jname;
        }

        if (kind == ParamKind.BODY) {
            boolean optional = container == Container.OPTIONAL;
            // A body keeps its full declared type (List<Item> stays a list body).
            Type bodyType = optional ? inner : type;
            return new ParamDef(index, kind, jname, wire, type, Types.raw(bodyType), optional ? Container.OPTIONAL : Container.NONE,
                    !optional, null, embed, p, null, true);
        }
        if (!simple) {
            throw new StartupException(where + ": unsupported type " + type.getTypeName() + " for a " + kind.name().toLowerCase(Locale.ROOT)
                    + " parameter (use a primitive, String, enum, UUID, BigDecimal, java.time type, or Optional/List/Set of one)");
        }
        if (kind == ParamKind.PATH) {
            if (!pathNames.contains(wire)) {
                throw new StartupException(where + ": @Path(\"" + wire + "\") is not in the route's path template");
            }
            if (container != Container.NONE) {
                throw new StartupException(where + ": a path parameter cannot be " + raw.getSimpleName());
            }
        }
        if (def != null) {
            try {
                Scalar.of(valueType).fromString(def);
            } catch (dev.brisk.internal.binding.ConversionException e) {
                throw new StartupException(where + ": defaultValue \"" + def + "\" is not a valid " + valueType.getSimpleName() + " (" + e.getMessage() + ")");
            }
        }
        boolean required = kind == ParamKind.PATH || container == Container.NONE && def == null;
        return new ParamDef(index, kind, jname, wire, type, valueType, container, required, def, false, p, null, true);
    }

    private static final Depends DEFAULT_DEPENDS = new Depends() {
        @Override public String value() { return ""; }
        @Override public boolean useCache() { return true; }
        @Override public Class<? extends Annotation> annotationType() { return Depends.class; }
    };

    private static ParamDef simple(int index, ParamKind kind, Parameter p) {
        return new ParamDef(index, kind, p.getName(), p.getName(), p.getParameterizedType(), p.getType(), Container.NONE, false, null, false, p, null, true);
    }

    private static String nullIfNone(String s) {
        return Brisk.NO_DEFAULT.equals(s) ? null : s;
    }

    /** {@code xToken} and {@code x_token} both become {@code x-token}. */
    public static String headerName(String javaName) {
        var sb = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (c == '_') {
                sb.append('-');
            } else if (Character.isUpperCase(c)) {
                if (i > 0 && sb.charAt(sb.length() - 1) != '-') sb.append('-');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
