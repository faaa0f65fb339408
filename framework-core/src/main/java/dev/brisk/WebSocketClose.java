package dev.brisk;

import java.util.Objects;

/**
 * A WebSocket close status: the code and the reason of a closing handshake (RFC 6455 section 7.4).
 * The reason sent on the wire is at most 123 bytes of UTF-8, cut on a character boundary.
 *
 * @param code the status code; {@link #NO_STATUS} (1005) and {@link #ABNORMAL} (1006) are only ever
 *             reported, never sent: they mean a close frame without a code, and no close frame at all
 * @param reason the reason, possibly empty
 */
public record WebSocketClose(int code, String reason) {
    /** 1000: the purpose of the connection was fulfilled. */
    public static final int NORMAL = 1000;
    /** 1001: the server is going down, or a client navigated away; also Brisk's idle timeout. */
    public static final int GOING_AWAY = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a message of a kind the endpoint does not take (binary where text was expected). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: the close frame carried no code (reported only). */
    public static final int NO_STATUS = 1005;
    /** 1006: the connection ended without a close frame (reported only). */
    public static final int ABNORMAL = 1006;
    /** 1007: a message's data did not match its type (invalid UTF-8, malformed JSON). */
    public static final int INVALID_DATA = 1007;
    /** 1008: the message broke the endpoint's policy (failed validation). */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message was larger than the endpoint accepts. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1011: the server failed (the exception is logged, never sent). */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the service restarts; the client may reconnect. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later (Brisk: the client did not read what was sent to it fast enough). */
    public static final int TRY_AGAIN_LATER = 1013;

    public WebSocketClose {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether {@code code} may be sent in a close frame: 1000-1003, 1007-1014, and 3000-4999 (for
     * libraries and applications); 1004, 1005, 1006, 1015 and the other reserved codes may not.
     */
    public static boolean sendable(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }
}
