package dev.brisk.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.WebSocketSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Broadcasts for {@link dev.brisk.WebSocketRoom}: one encoding of the message, shared (not copied) by every member's frame. */
public final class Fanout {
    private Fanout() {
    }

    /**
     * Runs {@code hook} when {@code session} closes; false (and nothing registered) when it is
     * closed already. Sessions that are not Brisk's never report their close.
     */
    public static boolean whenClosed(WebSocketSession session, Runnable hook) {
        if (session instanceof WsSession s) return s.whenClosed(hook);
        return session.closeStatus().isEmpty();
    }

    public static int text(Collection<WebSocketSession> members, String text) {
        if (members.isEmpty()) return 0;
        ByteBuf buf = ByteBufUtil.writeUtf8(alloc(members), text);
        try {
            return send(members, buf, true, text, null);
        } finally {
            buf.release();
        }
    }

    public static int binary(Collection<WebSocketSession> members, byte[] data) {
        if (members.isEmpty()) return 0;
        ByteBuf buf = alloc(members).buffer(data.length).writeBytes(data);
        try {
            return send(members, buf, false, null, data);
        } finally {
            buf.release();
        }
    }

    public static int json(Collection<WebSocketSession> members, Object value) {
        if (members.isEmpty()) return 0;
        ObjectMapper mapper = null;
        for (var s : members) {
            if (s instanceof WsSession w) {
                mapper = w.mapper();
                break;
            }
        }
        if (mapper == null) mapper = new ObjectMapper();
        try {
            byte[] bytes = mapper.writeValueAsBytes(value);
            ByteBuf buf = alloc(members).buffer(bytes.length).writeBytes(bytes);
            try {
                return send(members, buf, true, new String(bytes, StandardCharsets.UTF_8), null);
            } finally {
                buf.release();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static int send(Collection<WebSocketSession> members, ByteBuf shared, boolean text, String asText, byte[] asBytes) {
        int n = 0;
        for (var s : members) {
            if (s instanceof WsSession w) {
                if (w.sendShared(shared, text)) n++;
            } else if (s.isOpen()) {
                if (text) s.sendText(asText);
                else s.sendBinary(asBytes);
                n++;
            }
        }
        return n;
    }

    private static ByteBufAllocator alloc(Collection<WebSocketSession> members) {
        for (var s : members) {
            if (s instanceof WsSession w && w.channel() != null) return w.channel().alloc();
        }
        return ByteBufAllocator.DEFAULT;
    }
}
