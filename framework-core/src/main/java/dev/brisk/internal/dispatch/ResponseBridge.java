package dev.brisk.internal.dispatch;

import dev.brisk.Response;
import dev.brisk.SetCookie;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

/** Converts between the dispatcher's {@link Reply} and the {@link Response} a user middleware sees. */
final class ResponseBridge {
    private ResponseBridge() {
    }

    /** A response view of {@code reply}: status and headers copied, the body read only when asked for. */
    static Response toResponse(Reply reply) {
        var headers = new ArrayList<Map.Entry<String, String>>(reply.headerCount() + 2);
        for (int i = 0; i < reply.headerCount(); i++) {
            headers.add(Map.entry(reply.headerName(i).toString(), reply.headerValue(i).toString()));
        }
        CharSequence ct = reply.contentType();
        return ResponseAccess.get().outgoing(reply, reply.status(), ct == null ? null : ct.toString(), headers, () -> bytes(reply.body()));
    }

    private static byte[] bytes(Body body) {
        return body instanceof Body.Bytes b ? ByteBufUtil.getBytes(b.content()) : null;
    }

    /**
     * The reply for what a middleware returned: the reply it came from, updated (status, headers,
     * and the body only if it was replaced), or a new one for a response of the middleware's own.
     * {@code inner} is the reply the chain produced inside (or null); when it is not what the
     * middleware returned it is discarded.
     */
    static Reply toReply(Call c, Response res, Reply inner, ResultMapper results) throws IOException {
        Object origin = ResponseAccess.get().origin(res);
        if (!(origin instanceof Reply reply)) {
            if (inner != null) inner.discard();
            return results.fromResponse(c, res, null);
        }
        if (inner != null && inner != reply) inner.discard();
        reply.status(res.status() == 0 ? 200 : res.status());
        // Headers are the response's now: take its list as the truth, checked like a handler's.
        reply.clearHeaders();
        String ct = res.contentType();
        reply.contentType(ct == null ? null : AsciiString.of(ResultMapper.checkedValue("Content-Type", ct)));
        for (var e : res.headers()) ResultMapper.addUserHeader(reply, e.getKey(), e.getValue(), false);
        for (SetCookie cookie : res.cookies()) reply.addHeader(HttpHeaderNames.SET_COOKIE, ResultMapper.checkedValue("Set-Cookie", cookie.toHeader()));
        if (ResponseAccess.get().bodyReplaced(res)) {
            Body old = reply.body();
            reply.body(results.body(c.request().connection().alloc(), res.body(), ct));
            old.discard();
            if (ct == null && res.body() != null) reply.contentType(res.body() instanceof String ? dev.brisk.internal.http.Replies.TEXT
                    : res.body() instanceof byte[] ? dev.brisk.internal.http.Replies.OCTETS : dev.brisk.internal.http.Replies.JSON);
        }
        return reply;
    }
}
