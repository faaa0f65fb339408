package dev.brisk.internal.websocket;

import dev.brisk.WebSocketSettings;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;

/**
 * permessage-deflate (RFC 7692), when the settings turn it on: Netty's handshaker, with the inflater's
 * output bounded by the message limit (a deflate bomb stops there and closes with 1009).
 */
final class Deflate {
    private Deflate() {
    }

    /** The extension agreed with the client, or null (none offered, or none acceptable). */
    static WebSocketServerExtension negotiate(RequestView req, WebSocketSettings s) {
        var lines = req.headerMap().getAll(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS);
        if (lines.isEmpty()) return null;
        var handshaker = new PerMessageDeflateServerExtensionHandshaker(6, true, 15, true, false, 15, 8, s.maxMessageSize());
        try {
            for (var data : WebSocketExtensionUtil.extractExtensions(String.join(",", lines))) {
                var ext = handshaker.handshakeExtension(data);
                if (ext != null) return ext;
            }
        } catch (RuntimeException e) {
            return null;   // a malformed offer is declined, not an error
        }
        return null;
    }

    /** The {@code Sec-WebSocket-Extensions} answer for an agreed extension. */
    static String header(WebSocketServerExtension ext) {
        var data = ext.newReponseData();
        var sb = new StringBuilder(data.name());
        data.parameters().forEach((k, v) -> {
            sb.append("; ").append(k);
            if (v != null) sb.append('=').append(v);
        });
        return sb.toString();
    }
}
