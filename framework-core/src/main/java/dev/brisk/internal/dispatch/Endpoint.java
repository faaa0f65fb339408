package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.brisk.RequestValidationException;
import dev.brisk.Response;
import dev.brisk.RouteHandler;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.dispatch.Binders.ArgBinder;
import dev.brisk.internal.http.Exchange;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.routing.PathTemplate;
import io.netty.handler.codec.http.FullHttpResponse;

import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A route compiled for the request path: binders, invoker, validation plan and result writer. */
public final class Endpoint {
    public final RouteDef def;
    public final String[] pathNames;
    final boolean async;
    /** The method returns a CompletionStage: also true for a @Blocking one, which runs on a worker. */
    private final boolean returnsFuture;
    /** True when the route (handler and dependencies together) reads more than one body value. */
    final boolean embedBodies;
    private final ArgBinder[] binders;
    private final int argCount;
    private final Invoker invoker;
    private final RouteHandler lambda;
    private final ParamValidation validation;
    private final ObjectWriter writer;
    private final boolean isVoid;
    private final Responder responder;
    private final String name;

    Endpoint(RouteDef def, PathTemplate template, Binders.Runtime rt, Responder responder) {
        this.def = def;
        this.pathNames = template.paramNames().toArray(String[]::new);
        this.async = def.async();
        this.returnsFuture = def.method() != null && CompletionStage.class.isAssignableFrom(def.method().getReturnType());
        this.embedBodies = def.allWireParams().stream().filter(p -> p.kind() == dev.brisk.internal.model.ParamKind.BODY).count() > 1;
        this.responder = responder;
        this.name = def.describe();
        var list = new ArrayList<ArgBinder>();
        int extra = def.params().size();
        // Router/app dependencies run first; their values are not passed to the handler.
        for (ProviderDef d : def.routeDependencies()) {
            var p = new ParamDef(extra++, dev.brisk.internal.model.ParamKind.DEPENDS, d.type().getSimpleName(), d.type().getSimpleName(),
                    d.type(), d.type(), ParamDef.Container.NONE, true, null, false, null, d, true);
            list.add(Binders.of(p, pathNames, rt));
        }
        list.addAll(Binders.compile(def.params(), pathNames, rt));
        this.binders = list.toArray(ArgBinder[]::new);
        this.argCount = extra;
        if (def.method() != null) {
            this.invoker = Invoker.of(def.method(), def.target());
            this.lambda = null;
            this.validation = ParamValidation.plan(def.method(), def.target(), def.params());
        } else {
            this.invoker = null;
            this.lambda = (RouteHandler) def.target();
            this.validation = null;
        }
        this.isVoid = def.resultType() == Void.class;
        Class<?> raw = Types.raw(def.resultType());
        boolean dynamic = raw == Object.class || raw == Optional.class || raw == Response.class || raw == String.class
                || raw == byte[].class || isVoid || raw.isInterface() && !java.util.Collection.class.isAssignableFrom(raw)
                && !java.util.Map.class.isAssignableFrom(raw) || java.lang.reflect.Modifier.isAbstract(raw.getModifiers()) && !raw.isInterface();
        this.writer = dynamic ? null : responder.writerFor(def.resultType());
    }

    ParamValidation validation() {
        return validation;
    }

    public boolean async() {
        return async;
    }

    /** Runs the route for {@code ex}; the response reaches {@code sink} exactly once. */
    public void run(Exchange ex, Sink sink) {
        // The route stays recorded afterwards: a stall in a continuation it scheduled is most likely its own.
        if (async) BlockingDetector.enter(name);
        try {
            if (validation != null && validation.wantsRawInputs()) ex.rawInputs = new Object[argCount];
            Object a = ArgsSolver.solve(binders, argCount, ex, !async);
            if (a instanceof CompletableFuture<?> f) {
                f.whenComplete((args, t) -> {
                    if (t != null) fail(ex, sink, t);
                    else invoke(ex, sink, (Object[]) args);
                });
            } else {
                invoke(ex, sink, (Object[]) a);
            }
        } catch (Throwable t) {
            fail(ex, sink, t);
        }
    }

    private void invoke(Exchange ex, Sink sink, Object[] args) {
        try {
            // Router dependencies' values sit past the handler's own arguments.
            Object[] own = argCount == def.params().size() ? args : java.util.Arrays.copyOf(args, def.params().size());
            if (validation != null) validation.validate(ex, own);
            if (ex.hasErrors()) throw new RequestValidationException(ErrorOrder.sorted(ex.errors().list(), def));
            Object result = lambda != null ? lambda.handle(ex) : invoker.invoke(own);
            if (returnsFuture) {
                if (result == null) throw new NullPointerException(name + " returned a null future");
                var f = ((CompletionStage<?>) result).toCompletableFuture();
                if (f.isDone()) {
                    complete(ex, sink, f);
                } else {
                    f.whenComplete((v, t) -> complete(ex, sink, f));
                }
            } else {
                sink.send(ex, responder.success(ex, result, def.status(), writer, isVoid));
            }
        } catch (Throwable t) {
            fail(ex, sink, t);
        }
    }

    private void complete(Exchange ex, Sink sink, CompletableFuture<?> f) {
        Object v;
        try {
            v = f.join();
        } catch (Throwable t) {
            fail(ex, sink, t);
            return;
        }
        try {
            sink.send(ex, responder.success(ex, v, def.status(), writer, isVoid));
        } catch (Throwable t) {
            fail(ex, sink, t);
        }
    }

    private void fail(Exchange ex, Sink sink, Throwable t) {
        FullHttpResponse res;
        try {
            res = responder.error(ex, t, name);
        } catch (Throwable t2) {
            res = Responder.detail(ex.channel.alloc(), 500, "Internal Server Error");
        }
        sink.send(ex, res);
    }

    @Override
    public String toString() {
        return name;
    }
}
