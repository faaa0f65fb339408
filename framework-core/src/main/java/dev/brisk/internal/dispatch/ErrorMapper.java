package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.internal.json.PlainJson;
import dev.brisk.internal.json.ValueWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brisk.ExceptionHandler;
import dev.brisk.HttpException;
import dev.brisk.RequestValidationException;
import dev.brisk.Response;
import dev.brisk.ValidationError;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns exceptions into replies: the app's exception handlers (most specific type first), then
 * {@link HttpException}, {@link RequestValidationException} (FastAPI's 422 body), and anything else
 * as a logged 500 whose body says nothing of the cause.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk");

    private final ResultMapper results;
    private final Map<Class<? extends Throwable>, ExceptionHandler<?>> handlers;
    private final Map<Class<?>, Optional<ExceptionHandler<?>>> handlerCache = new ConcurrentHashMap<>();

    public ErrorMapper(ResultMapper results, Map<Class<? extends Throwable>, ExceptionHandler<?>> handlers) {
        this.results = results;
        this.handlers = handlers;
    }

    /** Maps {@code t}, raised while serving {@code c} (in {@code where}: a route or a middleware), to a reply. Never throws. */
    public Reply map(Call c, Throwable t, String where) {
        try {
            return mapOrThrow(c, t, where);
        } catch (Throwable t2) {
            LOG.error("Cannot answer the error of {} {}", c, where, t2);
            return internalError(c, t2);
        }
    }

    private Reply mapOrThrow(Call c, Throwable t, String where) {
        t = unwrap(t);
        var handler = handlerFor(t.getClass());
        if (handler != null) {
            try {
                @SuppressWarnings("unchecked")
                var h = (ExceptionHandler<Throwable>) handler;
                Response r = h.handle(t, c.request());
                if (r == null) throw new IllegalStateException("exception handler returned null");
                return results.fromResponse(c, r, null);
            } catch (Throwable t2) {
                LOG.error("Exception handler for {} failed on {} {}", t.getClass().getName(), c, where, t2);
                return internalError(c, t2);
            }
        }
        try {
            if (t instanceof HttpException he) {
                var node = NODES.objectNode();
                node.set("detail", node(he.detail()));
                var res = Reply.bytes(he.status(), Replies.JSON, results.encodeJson(c.request().connection().alloc(), treeWriter(), node));
                he.headers().forEach((k, v) -> ResultMapper.addUserHeader(res, k, v, true));
                if (he instanceof dev.brisk.security.AuthenticationException ae) {   // one WWW-Authenticate per challenge
                    for (int i = 1; i < ae.challenges().size(); i++) ResultMapper.addUserHeader(res, "WWW-Authenticate", ae.challenges().get(i), false);
                }
                Response param = c.responseParam();
                if (param != null) ResultMapper.applyHeaders(res, param);
                return res;
            }
            if (t instanceof RequestValidationException rve) {
                ObjectNode body = validationBody(rve.errors());
                return Reply.bytes(422, Replies.JSON, results.encodeJson(c.request().connection().alloc(), treeWriter(), body));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot encode the error response for {} {}", c, where, e);
            return internalError(c, e);
        }
        LOG.error("Unhandled exception in {}", where.isEmpty() ? c.toString() : where, t);
        return internalError(c, t);
    }

    static Throwable unwrap(Throwable t) {
        t = ArgsSolver.unwrap(t);
        if (t instanceof InvocationTargetException ite && ite.getCause() != null) t = ite.getCause();
        return t;
    }

    private Reply internalError(Call c, Throwable t) {
        var hooks = c.request().connection().hooks();
        if (hooks != null) {
            try {
                hooks.serverError(t);
            } catch (RuntimeException ignored) {
                // an observer's problem must not change the answer
            }
        }
        return Replies.internalError(c.request().connection().alloc());
    }

    /** FastAPI's {@code {"detail": [...]}} with fields type, loc, msg, input[, ctx]. */
    public ObjectNode validationBody(List<ValidationError> errors) {
        ObjectNode root = NODES.objectNode();
        ArrayNode arr = root.putArray("detail");
        for (var e : errors) {
            ObjectNode o = arr.addObject();
            o.put("type", e.type());
            ArrayNode loc = o.putArray("loc");
            for (Object part : e.loc()) {
                if (part instanceof Integer i) loc.add(i);
                else loc.add(String.valueOf(part));
            }
            o.put("msg", e.msg());
            JsonNode input;
            try {
                input = node(e.input());
            } catch (RuntimeException ex) {
                input = NODES.textNode(String.valueOf(e.input()));
            }
            o.set("input", input);
            if (!e.ctx().isEmpty()) o.set("ctx", node(e.ctx()));
        }
        return root;
    }

    /**
     * {@code v} as a tree: the kinds error bodies mostly carry (null, text, whole numbers, booleans, maps of
     * them, trees parsed from the request) without databind's mapper, anything else by the mapper's
     * {@code valueToTree} (the same nodes it would make for those kinds), so an early error in an app that
     * has made no mapper need not make one.
     */
    private JsonNode node(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof JsonNode j) return j;
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Integer i) return NODES.numberNode(i.intValue());
        if (v instanceof Long l) return NODES.numberNode(l.longValue());
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance)) {
            ObjectNode o = NODES.objectNode();
            for (var e : m.entrySet()) o.set((String) e.getKey(), node(e.getValue()));
            return o;
        }
        return results.mapper().valueToTree(v);
    }

    /**
     * How an error tree is written: by the mapper once it is made; before, by {@link PlainJson#TREE}, which
     * writes what the mapper would, for the nodes {@link #node} makes without the mapper and those parsed from
     * a request (the only ones a tree can hold then).
     */
    private ValueWriter treeWriter() {
        if (results.json().mapperMade()) return ValueWriter.of(results.mapper().writer());
        return PlainJson.TREE;
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExceptionHandler<?> handlerFor(Class<?> c) {
        if (handlers.isEmpty()) return null;
        return handlerCache.computeIfAbsent(c, k -> {
            for (Class<?> x = k; x != null; x = x.getSuperclass()) {
                var h = handlers.get(x);
                if (h != null) return Optional.of(h);
            }
            return Optional.empty();
        }).orElse(null);
    }
}
