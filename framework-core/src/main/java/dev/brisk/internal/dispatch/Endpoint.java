package dev.brisk.internal.dispatch;

import dev.brisk.internal.json.ValueWriter;
import dev.brisk.RequestValidationException;
import dev.brisk.Response;
import dev.brisk.RouteHandler;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.dispatch.Binders.ArgBinder;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A route's innermost step: extension hooks, bind and solve dependencies (collecting every error),
 * validate, invoke, and map the result or the error to a {@link Reply}. Nothing escapes as an
 * exception: every outcome is a reply to {@code out}.
 */
public final class Endpoint implements Route.Terminal {
    public final RouteDef def;
    public final String[] pathNames;
    final boolean async;
    /** The method returns a CompletionStage: also true for a @Blocking one, which runs on a worker. */
    private final boolean returnsFuture;
    /** True when the route (handler and dependencies together) reads more than one body value. */
    final boolean embedBodies;
    /** True when the route reads form fields or files: a multipart body is then parsed as it arrives. */
    final boolean readsForm;
    private final ArgBinder[] binders;
    private final int argCount;
    private final Invoker invoker;
    private final RouteHandler lambda;
    private final ParamValidation validation;
    /** Whether results of this route's declared type get a precompiled writer (else one is found per value). */
    private final boolean typedWriter;
    /**
     * That writer: Brisk's own for a plain type (made when the routes are compiled, see PlainJson), else
     * Jackson's, made on the route's first response rather than on the main thread at startup: building
     * Jackson's serializers (and Blackbird's generated accessors) for every route took most of the app's
     * build time. The mapper's thread builds them in the background meanwhile (JsonStart), so the first
     * response usually finds them in the mapper's cache. A benign race: two first requests may both make one.
     */
    private ValueWriter writer;
    private final boolean isVoid;
    private final ResultMapper results;
    private final ErrorMapper errors;
    private final RouteHook[] hooks;
    private final String name;
    /** See {@link RouteHook#answersOnLoop}. */
    private final boolean loopFirst;
    /** Replaces the call and result mapping (WebSocket routes), or null. */
    private final Invocation custom;

    /** What a route does with its bound, valid arguments instead of calling the handler and mapping its result; exactly one reply reaches the sink. */
    interface Invocation {
        void invoke(Call c, ReplySink sink, Object[] args);
    }

    Endpoint(RouteDef def, String[] pathNames, Binders.Runtime rt, ResultMapper results, ErrorMapper errors, List<RouteHook> hooks) {
        this(def, pathNames, rt, results, errors, hooks, null);
    }

    Endpoint(RouteDef def, String[] pathNames, Binders.Runtime rt, ResultMapper results, ErrorMapper errors, List<RouteHook> hooks,
             Invocation custom) {
        this.custom = custom;
        this.def = def;
        this.pathNames = pathNames;
        this.async = def.async();
        this.returnsFuture = def.method() != null && CompletionStage.class.isAssignableFrom(def.method().getReturnType());
        this.embedBodies = def.allWireParams().stream().filter(p -> p.kind() == ParamKind.BODY).count() > 1;
        this.readsForm = def.allWireParams().stream().anyMatch(p -> p.kind() == ParamKind.FORM);
        this.results = results;
        this.errors = errors;
        this.hooks = hooks.isEmpty() ? null : hooks.toArray(RouteHook[]::new);
        this.name = def.describe();
        var list = new ArrayList<ArgBinder>();
        int extra = def.params().size();
        // Router/app dependencies run first; their values are not passed to the handler.
        for (ProviderDef d : def.routeDependencies()) {
            var p = new ParamDef(extra++, ParamKind.DEPENDS, d.type().getSimpleName(), d.type().getSimpleName(),
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
        this.loopFirst = custom == null && this.hooks != null && def.routeDependencies().isEmpty()
                && def.params().stream().allMatch(p -> switch (p.kind()) {
                    case PATH, QUERY, HEADER, COOKIE -> true;
                    default -> false;
                })
                && Arrays.stream(this.hooks).allMatch(RouteHook::answersOnLoop);
        this.isVoid = def.resultType() == Void.class;
        this.typedWriter = hasTypedWriter(def.resultType());
    }

    /** The handler's invoker; none for a lambda or system route. */
    Invoker invoker() {
        return invoker;
    }

    /** Whether results of a route's declared type get one writer for that type (else one is found per value). */
    public static boolean hasTypedWriter(java.lang.reflect.Type resultType) {
        Class<?> raw = Types.raw(resultType);
        boolean dynamic = raw == Object.class || raw == Optional.class || raw == Response.class || raw == String.class
                || raw == byte[].class || resultType == Void.class || raw.isInterface() && !Collection.class.isAssignableFrom(raw)
                && !Map.class.isAssignableFrom(raw) || Modifier.isAbstract(raw.getModifiers()) && !raw.isInterface();
        return !dynamic;
    }

    private ValueWriter writer() {
        if (!typedWriter) return null;
        var w = writer;
        if (w == null) writer = w = results.writerFor(def.resultType());
        return w;
    }

    ParamValidation validation() {
        return validation;
    }

    public boolean async() {
        return async;
    }

    String name() {
        return name;
    }

    /** Runs the route for {@code c}; exactly one reply reaches {@code out}. */
    @Override
    public void run(Call c, ReplySink out) {
        ReplySink sink = hooks == null ? out : new HookedSink(c, out);
        try {
            if (hooks == null) bind(c, sink);
            else afterMatch(c, sink, 0);
        } catch (Throwable t) {
            fail(c, sink, t);
        }
    }

    boolean loopFirst() {
        return loopFirst;
    }

    /**
     * For a {@link #loopFirst} route, on the event loop: binds (nothing here can block: wire values
     * only) and lets the hooks answer; an answer stands only if the arguments are also valid, which is
     * checked then, so a request that goes on is not validated twice. Null when no hook answers, or
     * when anything is amiss (an invalid value, an exception): the route then runs from the start on a
     * fresh call (a plain route's on a worker), and reports what there is to report.
     */
    Reply onLoop(Call c) {
        Reply r = null;
        try {
            if (validation != null && validation.wantsRawInputs()) c.rawInputs = new Object[argCount];
            if (!(ArgsSolver.solve(binders, argCount, c, false) instanceof Object[] args) || c.hasErrors()) return null;
            for (RouteHook h : hooks) {
                r = h.onLoop(c, args);
                if (r != null) break;
            }
            if (r == null) return null;
            if (validation != null) validation.validate(c, args);
            if (c.hasErrors()) {
                r.discard();
                return null;
            }
            for (int i = hooks.length - 1; i >= 0; i--) r = hooks[i].afterResponse(c, r);
            return r;
        } catch (Throwable t) {
            if (r != null) r.discard();
            return null;
        }
    }

    private void bind(Call c, ReplySink sink) throws Throwable {
        if (validation != null && validation.wantsRawInputs()) c.rawInputs = new Object[argCount];
        Object a = ArgsSolver.solve(binders, argCount, c, !async);
        if (a instanceof CompletableFuture<?> f) {
            f.whenComplete((args, t) -> {
                if (t != null) fail(c, sink, t);
                else validated(c, sink, (Object[]) args);
            });
        } else {
            validated(c, sink, (Object[]) a);
        }
    }

    private void validated(Call c, ReplySink sink, Object[] args) {
        try {
            // Router dependencies' values sit past the handler's own arguments.
            Object[] own = argCount == def.params().size() ? args : Arrays.copyOf(args, def.params().size());
            if (validation != null) validation.validate(c, own);
            if (c.hasErrors()) throw new RequestValidationException(ErrorOrder.sorted(c.errors().list(), def));
            if (hooks == null) invoke(c, sink, own);
            else beforeInvoke(c, sink, own, 0);
        } catch (Throwable t) {
            fail(c, sink, t);
        }
    }

    private void invoke(Call c, ReplySink sink, Object[] args) {
        try {
            if (custom != null) {
                custom.invoke(c, sink, args);
                return;
            }
            Object result = lambda != null ? lambda.handle(c.request()) : invoker.invoke(args);
            if (returnsFuture) {
                if (result == null) throw new NullPointerException(name + " returned a null future");
                var f = ((CompletionStage<?>) result).toCompletableFuture();
                if (f.isDone()) {
                    complete(c, sink, f);
                } else {
                    f.whenComplete((v, t) -> complete(c, sink, f));
                }
            } else {
                sink.reply(results.success(c, result, def.status(), writer(), isVoid));
            }
        } catch (Throwable t) {
            fail(c, sink, t);
        }
    }

    private void complete(Call c, ReplySink sink, CompletableFuture<?> f) {
        Object v;
        try {
            v = f.join();
        } catch (Throwable t) {
            fail(c, sink, t);
            return;
        }
        try {
            if (async && !typedWriter && StreamResults.opensFile(v)) {   // files are opened on a worker, never on the loop
                StreamResults.offload(c, () -> results.success(c, v, def.status(), null, isVoid), sink, t -> fail(c, sink, t));
                return;
            }
            sink.reply(results.success(c, v, def.status(), writer(), isVoid));
        } catch (Throwable t) {
            fail(c, sink, t);
        }
    }

    private void fail(Call c, ReplySink sink, Throwable t) {
        Reply res;
        try {
            res = errors.map(c, t, name);
        } catch (Throwable t2) {
            res = Replies.internalError(c.request().connection().alloc());
        }
        sink.reply(res);
    }

    // ------------------------------------------------------------------------------------ extension hooks

    private void afterMatch(Call c, ReplySink sink, int from) throws Throwable {
        for (int i = from; i < hooks.length; i++) {
            Object r = hooks[i].afterMatch(c);
            if (r == null) continue;
            if (r instanceof Reply reply) {
                sink.reply(reply);
                return;
            }
            int next = i + 1;
            Dispatch.resume(c, async, stage(r), (reply, t) -> {
                try {
                    if (t != null) fail(c, sink, t);
                    else if (reply != null) sink.reply(reply);
                    else afterMatch(c, sink, next);
                } catch (Throwable e) {
                    fail(c, sink, e);
                }
            });
            return;
        }
        bind(c, sink);
    }

    private void beforeInvoke(Call c, ReplySink sink, Object[] args, int from) {
        for (int i = from; i < hooks.length; i++) {
            Object r = hooks[i].beforeInvoke(c, args);
            if (r == null) continue;
            if (r instanceof Reply reply) {
                sink.reply(reply);
                return;
            }
            int next = i + 1;
            Dispatch.resume(c, async, stage(r), (reply, t) -> {
                if (t != null) fail(c, sink, t);
                else if (reply != null) sink.reply(reply);
                else beforeInvoke(c, sink, args, next);
            });
            return;
        }
        invoke(c, sink, args);
    }

    @SuppressWarnings("unchecked")
    private static CompletionStage<Reply> stage(Object r) {
        if (r instanceof CompletionStage<?> s) return (CompletionStage<Reply>) s;
        throw new IllegalStateException("a route hook returned " + r.getClass().getName() + "; expected null, a Reply or a CompletionStage<Reply>");
    }

    /** Passes the route's reply through the hooks' {@code afterResponse}, last hook first. */
    private final class HookedSink implements ReplySink {
        private final Call call;
        private final ReplySink out;

        HookedSink(Call call, ReplySink out) {
            this.call = call;
            this.out = out;
        }

        @Override
        public void reply(Reply reply) {
            for (int i = hooks.length - 1; i >= 0; i--) {
                try {
                    reply = hooks[i].afterResponse(call, reply);
                } catch (Throwable t) {
                    reply.discard();
                    reply = errors.map(call, t, name);
                }
            }
            out.reply(reply);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
