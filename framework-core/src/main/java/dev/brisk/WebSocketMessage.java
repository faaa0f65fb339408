package dev.brisk;

import java.nio.charset.StandardCharsets;

/** One complete WebSocket message, as {@link WebSocketSession#receive()} returns it: text or binary. */
public sealed interface WebSocketMessage permits WebSocketMessage.Text, WebSocketMessage.Binary {

    /** A text message. */
    record Text(String text) implements WebSocketMessage {
    }

    /** A binary message (the array is the caller's). */
    record Binary(byte[] data) implements WebSocketMessage {
        @Override
        public String toString() {
            return "Binary[" + data.length + " bytes]";
        }
    }

    /** The text, or a binary message's bytes read as UTF-8. */
    default String asText() {
        return this instanceof Text t ? t.text() : new String(((Binary) this).data(), StandardCharsets.UTF_8);
    }
}
