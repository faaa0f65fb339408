package dev.brisk.internal.dispatch;

import dev.brisk.internal.dispatch.Binders.ArgBinder;

import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Calls one provider per request: cache, overrides, own parameters, validation, cleanup registration. */
final class ProviderRuntime {
    private static final Object NULL = new Object();

    final ProviderDef def;
    private ArgBinder[] binders;
    private int argCount;
    private Invoker invoker;
    private dev.brisk.internal.model.ProviderBody body;
    private ParamValidation validation;

    ProviderRuntime(ProviderDef def) {
        this.def = def;
    }

    /** Second phase, once every provider runtime exists (providers depend on providers). */
    void compile(Binders.Runtime rt) {
        if (def.body() != null) {   // one Brisk implements itself: its parameters are known, nothing to validate
            body = def.body();
            binders = Binders.compile(def.params(), new String[0], rt).toArray(ArgBinder[]::new);
            argCount = def.params().size();
            return;
        }
        if (def.method() == null) return;
        var ps = def.params();
        binders = Binders.compile(ps, new String[0], rt).toArray(ArgBinder[]::new);
        argCount = def.method().getParameterCount();
        invoker = Invoker.of(def.method(), def.target());
        validation = ParamValidation.plan(def.method(), def.target(), ps);
    }

    ParamValidation validation() {
        return validation;
    }

    /** The provider method's invoker; none for a provider Brisk implements itself. */
    Invoker invoker() {
        return invoker;
    }

    /** FastAPI's error order: dependencies, path, query, header, cookie, body. */
    static int order(ParamKind k) {
        return switch (k) {
            case DEPENDS -> 0;
            case PATH -> 1;
            case QUERY -> 2;
            case HEADER -> 3;
            case COOKIE -> 4;
            case BODY, FORM -> 5;
            case REQUEST, RESPONSE, BACKGROUND, WEBSOCKET -> 6;
        };
    }

    /** The provider's value for this request (may be a {@link Pending}). */
    Object get(Call ex, boolean useCache, Overrides overrides) throws Throwable {
        var override = overrides.get(def.type(), def.qualifier());
        if (override != null) {
            Object v = override.get();
            if (v instanceof AutoCloseable c) ex.addCloseable(c);
            return v;
        }
        if (def.method() == null && body == null) return def.singleton();
        if (useCache) {
            Object c = ex.cached(this);
            if (c != null) {
                if (c instanceof CompletableFuture<?> f) return new Pending(f.thenApply(x -> x));
                return c == NULL ? null : c;
            }
        }
        int before = errorCount(ex);
        Object argsOrFuture = ArgsSolver.solve(binders, argCount, ex, !def.async() && !onLoop(ex));
        if (argsOrFuture instanceof CompletableFuture<?> f) {
            @SuppressWarnings("unchecked")
            var fa = (CompletableFuture<Object[]>) f;
            var result = fa.thenCompose(args -> {
                try {
                    Object v = call(ex, args, before);
                    if (v instanceof Pending p) return p.future();
                    return CompletableFuture.completedFuture(v);
                } catch (Throwable t) {
                    return CompletableFuture.failedFuture(t);
                }
            });
            if (useCache) ex.cache(this, result);
            return new Pending(result);
        }
        Object v = call(ex, (Object[]) argsOrFuture, before);
        if (useCache) {
            if (v instanceof Pending p) ex.cache(this, p.future());
            else ex.cache(this, v == null ? NULL : v);
        }
        return v;
    }

    private static int errorCount(Call ex) {
        return ex.hasErrors() ? ex.errors().list().size() : 0;
    }

    private static boolean onLoop(Call ex) {
        return ex.onLoop();
    }

    private Object call(Call ex, Object[] args, int errorsBefore) throws Throwable {
        if (validation != null) validation.validate(ex, args);
        if (errorCount(ex) > errorsBefore) {
            return null; // its parameters are invalid: it is not called, and the route answers 422
        }
        Object v = body != null ? body.apply(ex.route(), args) : invoker.invoke(args);
        if (v instanceof CompletionStage<?> stage) {
            var f = stage.toCompletableFuture();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                v = f.join();
            } else {
                return new Pending(f.thenApply(x -> {
                    if (x instanceof AutoCloseable c) ex.addCloseable(c);
                    return (Object) x;
                }));
            }
        }
        if (v instanceof AutoCloseable c) ex.addCloseable(c);
        return v;
    }

    @Override
    public String toString() {
        return "ProviderRuntime[" + def + "] " + Arrays.toString(binders);
    }
}
