package dev.brisk.cache.internal;

import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** A copy of a complete reply (status, headers, body), to give the waiters of a failed flight the same answer. */
record Snapshot(int status, CharSequence contentType, CharSequence[] names, CharSequence[] values, byte[] body) {

    static Snapshot of(Reply r) {
        int n = r.headerCount();
        var names = new CharSequence[n];
        var values = new CharSequence[n];
        for (int i = 0; i < n; i++) {
            names[i] = r.headerName(i);
            values[i] = r.headerValue(i);
        }
        return new Snapshot(r.status(), r.contentType(), names, values, bytes(r));
    }

    /** The body of a reply whose body is {@link Body.Bytes} or {@link Body.Empty}, copied (the reply keeps its buffer). */
    static byte[] bytes(Reply r) {
        if (r.body() instanceof Body.Bytes b) {
            ByteBuf buf = b.content();
            return ByteBufUtil.getBytes(buf, buf.readerIndex(), buf.readableBytes(), true);
        }
        return new byte[0];
    }

    Reply reply() {
        var r = status == 204 || status == 304 ? Reply.empty(status) : Reply.bytes(status, contentType, Unpooled.wrappedBuffer(body));
        for (int i = 0; i < names.length; i++) r.addHeader(names[i], values[i]);
        return r;
    }
}
