package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.Exchange;
import io.netty.handler.codec.http.FullHttpResponse;

/** Where a finished response goes: the connection, which writes responses in request order. */
public interface Sink {
    /** Called from any thread, exactly once per exchange. */
    void send(Exchange ex, FullHttpResponse response);
}
