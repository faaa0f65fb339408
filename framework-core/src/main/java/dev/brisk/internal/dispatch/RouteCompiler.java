package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.Settings;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.Validation;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.routing.PathTemplate;
import dev.brisk.internal.routing.RouteTable;
import dev.brisk.internal.scan.StartupException;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Compiles the route model into the structures the request path uses. */
public final class RouteCompiler implements Binders.Runtime {
    private final RouteTable<Endpoint> table = new RouteTable<>();
    private final Responder responder;
    private final BodyReader bodyReader;
    private final ObjectMapper mapper;
    private final Overrides overrides;
    private final Map<ProviderDef, ProviderRuntime> providers = new IdentityHashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();

    public RouteCompiler(Settings settings, RouteModel model, List<RouteDef> systemRoutes, ObjectMapper mapper, Overrides overrides) {
        this.mapper = mapper;
        this.overrides = overrides;
        this.bodyReader = new BodyReader(mapper);
        this.responder = new Responder(mapper, settings.exceptionHandlers());
        for (ProviderDef p : model.providers()) providers.put(p, new ProviderRuntime(p));
        for (ProviderDef p : model.providers()) {
            try {
                providers.get(p).compile(this);
            } catch (StartupException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StartupException("provider " + p.describe() + ": " + e.getMessage(), e);
            }
        }
        for (RouteDef r : model.routes()) add(r);
        for (RouteDef r : systemRoutes) add(r);
        warmUpValidation();
    }

    /**
     * Starts Hibernate Validator (and builds the metadata of the validated types) on a background
     * thread when some route has constraints, so that neither startup nor the first request (possibly
     * on an event loop) pays for it. Apps without constraints never load it.
     */
    private void warmUpValidation() {
        var types = new LinkedHashSet<Class<?>>();
        for (var e : endpoints) if (e.validation() != null) types.addAll(e.validation().types());
        for (var p : providers.values()) if (p.validation() != null) types.addAll(p.validation().types());
        if (types.isEmpty()) return;
        var t = new Thread(() -> {
            try {
                Validation.warmUp(types);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger("dev.brisk").debug("Bean Validation warm-up failed", e);
            }
        }, "brisk-validation-warmup");
        t.setDaemon(true);
        t.start();
    }

    private void add(RouteDef r) {
        var template = PathTemplate.parse(r.path());
        Endpoint e;
        try {
            e = new Endpoint(r, template, this, responder);
        } catch (StartupException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new StartupException(r.describe() + ": " + ex.getMessage(), ex);
        }
        endpoints.add(e);
        try {
            table.add(r.httpMethod(), template, e);
        } catch (IllegalStateException ex) {
            throw new StartupException("duplicate route " + r.describe());
        }
    }

    public RouteTable.Lookup<Endpoint> lookup(String method, String rawPath) {
        return table.find(method, method.equals("HEAD") ? "GET" : null, rawPath);
    }

    public Responder responder() {
        return responder;
    }

    @Override
    public ProviderRuntime provider(ProviderDef def) {
        var p = providers.get(def);
        if (p == null) throw new IllegalStateException("unknown provider " + def);
        return p;
    }

    @Override
    public Overrides overrides() {
        return overrides;
    }

    @Override
    public BodyReader bodyReader() {
        return bodyReader;
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }
}
