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
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.internal.Settings;
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

/** Builds and checks the route model from the builder's settings. */
public final class ModelBuilder {
    private static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS =
            List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class, Head.class, Options.class);

    private final Settings settings;
    private final Map<Class<?>, List<ProviderDef>> providers = new LinkedHashMap<>();
    private final Set<ProviderDef> resolving = new LinkedHashSet<>();
    private final Set<ProviderDef> resolved = new java.util.HashSet<>();
    private final List<RouteDef> routes = new ArrayList<>();
    private final Map<String, RouteDef> seen = new HashMap<>();
    private final List<Lifecycle> startupMethods = new ArrayList<>();
    private final List<Lifecycle> shutdownMethods = new ArrayList<>();
    private final Map<Class<?>, Object> instances = new LinkedHashMap<>();

    /** A lifecycle method and the instance to call it on (null for static). */
    public record Lifecycle(Method method, Object target) {
    }

    /** What the builder produces. */
    public record Result(RouteModel model, List<Lifecycle> startup, List<Lifecycle> shutdown) {
    }

    public ModelBuilder(Settings settings) {
        this.settings = settings;
    }

    public Result build() {
        settings.provided().forEach((type, instance) ->
                addProvider(new ProviderDef(type, "", null, null, instance, type, false)));

        List<Class<?>> scanned = scan();
        for (Class<?> c : scanned) addProviders(c, null, true);

        // Route classes: scanned ones, then included classes/instances.
        record Source(Class<?> type, Object instance, String prefix) {
        }
        var sources = new ArrayList<Source>();
        for (Class<?> c : scanned) {
            if (isRouteClass(c) || hasLifecycle(c)) sources.add(new Source(c, null, ""));
        }
        for (var inc : settings.includes()) {
            Class<?> c = inc.target() instanceof Class<?> k ? k : inc.target().getClass();
            sources.add(new Source(c, inc.target() instanceof Class<?> ? null : inc.target(), inc.prefix()));
            addProviders(c, null, true);
        }
        var ready = new ArrayList<Source>();
        for (var s : sources) {
            Object inst = s.instance();
            if (inst == null && needsInstance(s.type())) inst = instantiate(s.type());
            if (s.instance() != null) addProviders(s.type(), inst, false);
            else if (inst != null) addProviders(s.type(), inst, false);
            ready.add(new Source(s.type(), inst, s.prefix()));
        }
        var lifecycleSeen = new java.util.HashSet<Method>();
        for (var s : ready) {
            addRoutes(s.type(), s.instance(), s.prefix());
            collectLifecycle(s.type(), s.instance(), lifecycleSeen);
        }
        for (var lr : settings.lambdaRoutes()) addLambdaRoute(lr);

        // Every provider is checked, even unused ones (a broken provider is a bug either way).
        for (var list : providers.values()) for (var p : list) resolveProvider(p);

        var all = new ArrayList<ProviderDef>();
        providers.values().forEach(all::addAll);
        var model = new RouteModel(List.copyOf(routes), List.copyOf(all));
        RouteDeclarations.checkDefaults(model);
        return new Result(model, List.copyOf(startupMethods), List.copyOf(shutdownMethods));
    }

    // ------------------------------------------------------------------------------------ scanning

    private List<Class<?>> scan() {
        if (settings.packages().isEmpty()) return List.of();
        var out = new ArrayList<Class<?>>();
        try (var result = new ClassGraph()
                .enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility()
                .acceptPackages(settings.packages().toArray(String[]::new))
                .scan()) {
            var names = new LinkedHashSet<String>();
            result.getClassesWithAnnotation(Router.class).forEach(ci -> names.add(ci.getName()));
            for (var a : ROUTE_ANNOTATIONS) result.getClassesWithMethodAnnotation(a).forEach(ci -> names.add(ci.getName()));
            for (var a : List.of(Provides.class, OnStartup.class, OnShutdown.class)) {
                result.getClassesWithMethodAnnotation(a).forEach(ci -> names.add(ci.getName()));
            }
            for (String n : names) {
                var ci = result.getClassInfo(n);
                if (ci.isAnnotation() || ci.isInterface() && !ci.hasAnnotation(Router.class)) continue;
                out.add(ci.loadClass());
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean isRouteClass(Class<?> c) {
        if (c.isAnnotationPresent(Router.class)) return true;
        for (Method m : c.getDeclaredMethods()) if (routeAnnotation(m) != null) return true;
        return false;
    }

    private static boolean hasLifecycle(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(OnStartup.class) || m.isAnnotationPresent(OnShutdown.class)) return true;
        }
        return false;
    }

    private static boolean needsInstance(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            if (routeAnnotation(m) != null || m.isAnnotationPresent(Provides.class)
                    || m.isAnnotationPresent(OnStartup.class) || m.isAnnotationPresent(OnShutdown.class)) {
                return true;
            }
        }
        return false;
    }

    private Object instantiate(Class<?> c) {
        var existing = instances.get(c);
        if (existing != null) return existing;
        if (Modifier.isAbstract(c.getModifiers())) {
            throw new StartupException(c.getName() + " has instance routes but is abstract");
        }
        Constructor<?>[] ctors = c.getDeclaredConstructors();
        Constructor<?> ctor = Arrays.stream(ctors).filter(k -> Modifier.isPublic(k.getModifiers()))
                .max(Comparator.comparingInt(Constructor::getParameterCount))
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

    private void addProviders(Class<?> c, Object instance, boolean staticOnly) {
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
                throw new StartupException("@Provides method " + name(m) + " returns void; a provider must return the value it provides");
            }
            m.setAccessible(true);
            addProvider(new ProviderDef(Types.raw(value), ann.value(), m, isStatic ? null : instance, null, value, async));
        }
    }

    private void addProvider(ProviderDef p) {
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

    private ProviderDef findProvider(Class<?> type, String qualifier, String user) {
        var list = providers.get(type);
        if (list == null || list.isEmpty()) {
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

    private void resolveProvider(ProviderDef p) {
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
        p.params(inferParams(p.method(), Set.of(), "provider " + p.describe(), false));
        resolving.remove(p);
        resolved.add(p);
    }

    // ------------------------------------------------------------------------------------ routes

    private static Annotation routeAnnotation(Method m) {
        Annotation found = null;
        for (var a : ROUTE_ANNOTATIONS) {
            var x = m.getAnnotation(a);
            if (x != null) {
                if (found != null) throw new StartupException(name(m) + " has two route annotations");
                found = x;
            }
        }
        return found;
    }

    private record RouteAttrs(String method, String path, int status, String summary, String description, String[] tags,
                              boolean deprecated, String operationId, boolean hidden) {
        static RouteAttrs of(Annotation a) {
            if (a instanceof Get g) return new RouteAttrs("GET", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Post g) return new RouteAttrs("POST", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Put g) return new RouteAttrs("PUT", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Patch g) return new RouteAttrs("PATCH", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Delete g) return new RouteAttrs("DELETE", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            if (a instanceof Head g) return new RouteAttrs("HEAD", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
            var g = (Options) a;
            return new RouteAttrs("OPTIONS", g.value(), g.status(), g.summary(), g.description(), g.tags(), g.deprecated(), g.operationId(), g.hidden());
        }
    }

    static String joinPath(String... parts) {
        var sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            String q = p.startsWith("/") ? p : "/" + p;
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '/') sb.setLength(sb.length() - 1);
            sb.append(q);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private void addRoutes(Class<?> c, Object instance, String includePrefix) {
        Router router = c.getAnnotation(Router.class);
        String prefix = joinPath(includePrefix, router == null ? "" : router.prefix());
        var tags = new ArrayList<String>(router == null ? List.of() : List.of(router.tags()));
        var deps = new ArrayList<Class<?>>(settings.dependencies());
        if (router != null) deps.addAll(List.of(router.dependencies()));
        Method[] methods = c.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method m : methods) {
            Annotation a = routeAnnotation(m);
            if (a == null) continue;
            if (!Modifier.isStatic(m.getModifiers()) && instance == null) {
                throw new StartupException(name(m) + ": no instance of " + c.getName());
            }
            var attrs = RouteAttrs.of(a);
            String path = attrs.path().isEmpty() ? (prefix.equals("/") ? "/" : prefix) : joinPath(prefix, attrs.path());
            if (path.length() > 1 && attrs.path().isEmpty() && path.endsWith("/")) path = path.substring(0, path.length() - 1);
            PathTemplate template;
            try {
                template = PathTemplate.parse(path);
            } catch (IllegalArgumentException e) {
                throw new StartupException(name(m) + ": " + e.getMessage());
            }
            m.setAccessible(true);
            var pathNames = new LinkedHashSet<>(template.paramNames());
            if (pathNames.size() != template.paramNames().size()) {
                throw new StartupException(name(m) + ": path \"" + path + "\" repeats a parameter name");
            }
            List<ParamDef> params = inferParams(m, pathNames, "route " + name(m), true);
            for (String pn : pathNames) {
                if (params.stream().noneMatch(p -> p.kind() == ParamKind.PATH && p.wireName().equals(pn))) {
                    throw new StartupException(name(m) + ": path parameter {" + pn + "} in \"" + path
                            + "\" has no method parameter of that name (parameters: "
                            + params.stream().map(ParamDef::javaName).toList() + ")");
                }
            }
            var routeDeps = new ArrayList<ProviderDef>();
            for (Class<?> d : deps) {
                var p = findProvider(d, "", "dependencies of " + c.getName());
                resolveProvider(p);
                routeDeps.add(p);
            }
            Class<?> rt = m.getReturnType();
            checkReturnType(m);
            boolean async = CompletionStage.class.isAssignableFrom(rt) && !m.isAnnotationPresent(Blocking.class);
            Type resultType = CompletionStage.class.isAssignableFrom(rt) ? Types.arg(m.getGenericReturnType(), 0) : m.getGenericReturnType();
            if (resultType == void.class) resultType = Void.class;
            int status = attrs.status() != 0 ? attrs.status() : (resultType == Void.class ? 204 : 200);
            if (status < 100 || status > 599) throw new StartupException(name(m) + ": status " + status + " is not an HTTP status");
            var routeTags = new ArrayList<>(tags);
            for (String t : attrs.tags()) if (!routeTags.contains(t)) routeTags.add(t);
            var doc = new RouteDoc(attrs.summary(), attrs.description(), List.copyOf(routeTags), attrs.deprecated() || m.isAnnotationPresent(Deprecated.class),
                    attrs.operationId(), attrs.hidden(), RouteDeclarations.responses(m, c, status));
            addRoute(new RouteDef(attrs.method(), path, m, Modifier.isStatic(m.getModifiers()) ? null : instance,
                    m.getGenericReturnType(), resultType, params, List.copyOf(routeDeps), status, async, doc), template);
        }
    }

    private void addLambdaRoute(Settings.LambdaRoute lr) {
        String method = lr.method().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
            throw new StartupException("route(" + lr.method() + ", " + lr.path() + "): unsupported method");
        }
        PathTemplate template;
        try {
            template = PathTemplate.parse(lr.path());
        } catch (IllegalArgumentException e) {
            throw new StartupException("route(" + method + ", " + lr.path() + "): " + e.getMessage());
        }
        var deps = new ArrayList<ProviderDef>();
        for (Class<?> d : settings.dependencies()) {
            var p = findProvider(d, "", "app dependencies");
            resolveProvider(p);
            deps.add(p);
        }
        var doc = new RouteDoc("", "", List.of(), false, "", false);
        addRoute(new RouteDef(method, lr.path(), null, lr.handler(), Object.class, Object.class, List.of(), List.copyOf(deps),
                200, false, doc), template);
    }

    private void addRoute(RouteDef r, PathTemplate template) {
        String key = r.httpMethod() + " " + template.shape();
        var prev = seen.putIfAbsent(key, r);
        if (prev != null) {
            throw new StartupException("duplicate route " + r.httpMethod() + " " + r.path() + ": " + prev.describe() + " and " + r.describe());
        }
        routes.add(r);
    }

    private static void checkReturnType(Method m) {
        Class<?> rt = m.getReturnType();
        if (Future.class.isAssignableFrom(rt) && !CompletionStage.class.isAssignableFrom(rt)) {
            throw new StartupException(name(m) + ": unsupported return type " + rt.getName() + "; return a CompletableFuture/CompletionStage");
        }
        if (Stream.class.isAssignableFrom(rt) || java.util.Iterator.class.isAssignableFrom(rt) || java.io.InputStream.class.isAssignableFrom(rt)
                || Thread.class.isAssignableFrom(rt) || Runnable.class.isAssignableFrom(rt) && !rt.isRecord()) {
            throw new StartupException(name(m) + ": unsupported return type " + rt.getName()
                    + "; return a record, class, collection, map, String, byte[], Response, Optional or a future of one");
        }
    }

    // ------------------------------------------------------------------------------------ parameters

    private List<ParamDef> inferParams(Method m, Set<String> pathNames, String user, boolean isRoute) {
        Parameter[] ps = m.getParameters();
        var out = new ArrayList<ParamDef>(ps.length);
        for (int i = 0; i < ps.length; i++) {
            Parameter p = ps[i];
            if (!p.isNamePresent() && !explicitlyNamed(p)) {
                throw new StartupException(user + ": parameter names are missing (compile with -parameters: "
                        + "maven-compiler-plugin <parameters>true</parameters>, or javac -parameters)");
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
        if (p.getType() == Request.class || p.getType() == Response.class || p.isAnnotationPresent(Depends.class)) return true;
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

        if (dep == null && explicit == 0 && providers.containsKey(raw) && !pathNames.contains(jname)) {
            dep = DEFAULT_DEPENDS;
        }
        if (dep != null) {
            Class<?> depType = raw == Optional.class ? Types.raw(Types.arg(type, 0)) : raw;
            var provider = findProvider(depType, dep.value(), where);
            resolveProvider(provider);
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

    private void collectLifecycle(Class<?> c, Object instance, Set<Method> seenMethods) {
        Method[] methods = c.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            boolean start = m.isAnnotationPresent(OnStartup.class), stop = m.isAnnotationPresent(OnShutdown.class);
            if (!start && !stop) continue;
            if (!seenMethods.add(m)) continue;
            if (m.getParameterCount() != 0) throw new StartupException(name(m) + ": lifecycle methods take no parameters");
            m.setAccessible(true);
            var l = new Lifecycle(m, Modifier.isStatic(m.getModifiers()) ? null : instance);
            if (start) startupMethods.add(l);
            if (stop) shutdownMethods.add(l);
        }
    }

    static String name(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "()";
    }
}
