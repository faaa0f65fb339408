package dev.brisk.internal.dispatch;

import dev.brisk.WebSocketJsonListener;
import dev.brisk.WebSocketListener;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.websocket.MessageReader;
import dev.brisk.internal.websocket.WsContext;
import dev.brisk.internal.websocket.WsSession;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * What a WebSocket route does with its bound, valid arguments (in place of an HTTP route's call
 * and result mapping): the listener style calls the method, then completes the handshake and hands
 * the listener the session; the sequential style calls the method for the whole session, which
 * completes the handshake itself. Whatever fails before the handshake is an HTTP answer, through
 * the app's error mapping (exception handlers, {@code HttpException}, 422, 500).
 */
final class WebSocketInvocation implements Endpoint.Invocation {
    private static final ClassValue<Type> LISTENER_TYPES = new ClassValue<>() {
        @Override
        protected Type computeValue(Class<?> type) {
            return jsonTypeOf(type);
        }
    };

    private final WsSession.Style style;
    private final String name;
    private final ErrorMapper errors;
    private final WsContext ctx;
    private final Invoker invoker;
    private final Type declaredMessageType;

    WebSocketInvocation(RouteDef def, WsSession.Style style, String name, ErrorMapper errors, WsContext ctx) {
        this.style = style;
        this.name = name;
        this.errors = errors;
        this.ctx = ctx;
        this.invoker = Invoker.of(def.method(), def.target());
        this.declaredMessageType = messageType(def.resultType());
        if (declaredMessageType != null) ctx.reader(declaredMessageType);   // its plan is built (and checked) at startup
    }

    @Override
    public void invoke(Call c, ReplySink sink, Object[] args) {
        WsSession s = WebSocketRoutes.session(c);
        s.answerTo(sink, c::takeCloseables);
        if (style == WsSession.Style.SEQUENTIAL) {
            sequential(c, s, args);
            return;
        }
        Object result;
        try {
            result = invoker.invoke(args);
        } catch (Throwable t) {
            s.refuse(errors.map(c, t, name));
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((v, t) -> {
                var loop = c.request().connection().loop();
                if (style != WsSession.Style.LOOP || loop.inEventLoop()) {
                    listening(c, s, v, t);
                    return;
                }
                try {
                    loop.execute(() -> listening(c, s, v, t));
                } catch (RejectedExecutionException e) {
                    s.refuse(Replies.detail(c.request().connection().alloc(), 503, "Service Unavailable"));
                }
            });
        } else {
            listening(c, s, result, null);
        }
    }

    private void listening(Call c, WsSession s, Object value, Throwable failure) {
        try {
            if (failure != null) throw failure;
            if (!(value instanceof WebSocketListener l)) {
                throw new IllegalStateException(name + " returned " + (value == null ? "null" : value.getClass().getName())
                        + " instead of a WebSocketListener");
            }
            MessageReader reader = null;
            if (l instanceof WebSocketJsonListener<?>) {
                Type t = declaredMessageType != null ? declaredMessageType : LISTENER_TYPES.get(l.getClass());
                if (t == null) {
                    throw new IllegalStateException(name + ": cannot tell the message type of " + l.getClass().getName()
                            + "; declare it in the return type, e.g. WebSocketJsonListener<Order>");
                }
                reader = ctx.reader(t);
            }
            WsSession.Workers workers = null;
            if (style == WsSession.Style.WORKER) {
                var pool = WorkerPool.current();
                if (pool == null) throw new IllegalStateException(name + ": a worker-pool WebSocket route ran outside the worker pool");
                workers = new PoolWorkers(pool);
            }
            s.listener(l, reader, workers);
            s.handshake();
        } catch (Throwable t) {
            s.refuse(errors.map(c, t, name));
        }
    }

    private void sequential(Call c, WsSession s, Object[] args) {
        Throwable failure = null;
        try {
            invoker.invoke(args);
        } catch (Throwable t) {
            failure = t;
        }
        if (s.accepted()) {
            s.sequentialEnded(failure);
        } else if (!s.answered()) {
            // Returned (or threw) without accepting: the handshake is refused, as an HTTP answer.
            s.refuse(failure != null ? errors.map(c, failure, name) : Replies.detail(c.request().connection().alloc(), 403, "Forbidden"));
        }
    }

    /** {@code T} of a {@code WebSocketJsonListener<T>} return type, or null. */
    static Type messageType(Type resultType) {
        if (resultType instanceof ParameterizedType pt && Types.raw(pt) == WebSocketJsonListener.class) {
            Type a = pt.getActualTypeArguments()[0];
            return a instanceof TypeVariable<?> || a instanceof WildcardType ? null : a;
        }
        return resultType instanceof Class<?> k && WebSocketJsonListener.class.isAssignableFrom(k) ? jsonTypeOf(k) : null;
    }

    /** {@code T} where a listener class implements {@code WebSocketJsonListener<T>} with a concrete type, or null. */
    private static Type jsonTypeOf(Class<?> type) {
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Type i : k.getGenericInterfaces()) {
                if (i instanceof ParameterizedType pt && pt.getRawType() == WebSocketJsonListener.class) {
                    Type a = pt.getActualTypeArguments()[0];
                    return a instanceof TypeVariable<?> || a instanceof WildcardType ? null : a;
                }
            }
        }
        return null;
    }

    /** The worker pool as a session sees it. */
    private record PoolWorkers(WorkerPool pool) implements WsSession.Workers {
        @Override
        public boolean tryExecute(Runnable task) {
            return pool.tryExecute(task);
        }

        @Override
        public void executeAlways(Runnable task) {
            try {
                pool.executeAlways(task);
            } catch (RejectedExecutionException e) {
                task.run();   // the pool is shut down: the last callbacks run here
            }
        }
    }
}
