package dev.brisk.internal.scan;

import dev.brisk.Blocking;
import dev.brisk.StartupException;
import dev.brisk.WebSocketJsonListener;
import dev.brisk.WebSocketListener;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link dev.brisk.WebSocket} method's signature means: the listener style (it returns a
 * listener, or a future of one) or the sequential style ({@code void}, with a session parameter),
 * and where it runs. Everything else fails startup with a message saying what is allowed.
 */
final class WebSocketInference {
    private WebSocketInference() {
    }

    /** The route's {@code resultType}: the listener type, or {@code Void} for a sequential handler. */
    static Type resultType(Method m, List<ParamDef> params) {
        Class<?> rt = m.getReturnType();
        boolean hasSession = params.stream().anyMatch(p -> p.kind() == ParamKind.WEBSOCKET);
        if (rt == void.class) {
            if (!hasSession) {
                throw new StartupException(ModelBuilder.name(m) + ": a void @WebSocket method (the sequential style) needs a"
                        + " WebSocketSession parameter to receive and send with");
            }
            return Void.class;
        }
        Type t = CompletionStage.class.isAssignableFrom(rt) ? Types.arg(m.getGenericReturnType(), 0) : m.getGenericReturnType();
        if (!WebSocketListener.class.isAssignableFrom(Types.raw(t))) {
            throw new StartupException(ModelBuilder.name(m) + ": a @WebSocket method returns a WebSocketListener (or a"
                    + " CompletionStage of one), or is void and takes a WebSocketSession; it returns " + m.getGenericReturnType().getTypeName());
        }
        return t;
    }

    /** Whether the route method and its callbacks run on the event loop (a future of a listener, not {@link Blocking}). */
    static boolean async(Method m) {
        return CompletionStage.class.isAssignableFrom(m.getReturnType()) && !m.isAnnotationPresent(Blocking.class);
    }

    /**
     * The message type of a {@link WebSocketJsonListener} result type, or null when the type is not a
     * JSON listener or does not say (then the listener's class is asked at the first connection).
     */
    static Type messageType(Type resultType) {
        Class<?> raw = Types.raw(resultType);
        if (!WebSocketJsonListener.class.isAssignableFrom(raw)) return null;
        if (raw == WebSocketJsonListener.class && resultType instanceof ParameterizedType pt) {
            Type a = pt.getActualTypeArguments()[0];
            return a instanceof TypeVariable<?> || a instanceof WildcardType ? null : a;
        }
        return null;
    }

    /** Refuses a session parameter outside a WebSocket route (an HTTP route, a provider). */
    static void noSession(List<ParamDef> params, String user) {
        for (var p : params) {
            if (p.kind() == ParamKind.WEBSOCKET) {
                throw new StartupException(user + " parameter '" + p.javaName() + "': a WebSocketSession is given only to @WebSocket routes");
            }
        }
    }
}
