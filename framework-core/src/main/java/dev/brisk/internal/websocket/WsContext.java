package dev.brisk.internal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.WebSocketSettings;
import dev.brisk.internal.binding.BodyReader;

import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/** What the WebSocket sessions of one app share: its settings, Jackson, message readers and the registry of live sessions. */
public final class WsContext {
    final WebSocketSettings settings;
    final ObjectMapper mapper;
    final Handshake.Origins origins;
    private final BodyReader bodies;
    private final Sessions sessions = new Sessions();
    private final ConcurrentHashMap<Type, MessageReader> readers = new ConcurrentHashMap<>();

    public WsContext(WebSocketSettings settings, ObjectMapper mapper, BodyReader bodies) {
        this.settings = settings;
        this.mapper = mapper;
        this.bodies = bodies;
        this.origins = new Handshake.Origins(settings);
    }

    public WebSocketSettings settings() {
        return settings;
    }

    public Handshake.Origins origins() {
        return origins;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The reader of JSON messages of {@code type} (made once per type). */
    public MessageReader reader(Type type) {
        var r = readers.get(type);
        if (r == null) r = readers.computeIfAbsent(type, t -> new MessageReader(bodies, mapper, t));
        return r;
    }
}
