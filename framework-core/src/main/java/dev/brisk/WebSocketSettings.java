package dev.brisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The WebSocket limits and checks of an app, set with {@link App.Builder#webSockets(WebSocketSettings)}.
 * Immutable: each setter returns a new instance.
 *
 * <pre>{@code
 * App.builder().webSockets(WebSocketSettings.defaults()
 *         .allowedOrigins(List.of("https://app.example.com"))
 *         .maxMessageSize(256 * 1024))
 * }</pre>
 *
 * <p>Defaults: frames up to 64 KiB, messages up to 1 MiB (a larger one closes with 1009), the
 * handshake (opening and closing) within 10 s, a ping after 30 s without a frame from the client
 * and a close (1001) after 75 s without one, 1 MiB queued for a client before it is closed (1013),
 * permessage-deflate off, and only same-origin browser pages (see {@link #allowedOrigins}).
 */
public final class WebSocketSettings {
    private static final WebSocketSettings DEFAULTS = new WebSocketSettings(64 * 1024, 1 << 20, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(75), 1 << 20, List.of(), true, false);

    private final int maxFrameSize;
    private final int maxMessageSize;
    private final Duration handshakeTimeout;
    private final Duration pingInterval;
    private final Duration idleTimeout;
    private final long maxQueuedBytes;
    private final List<String> allowedOrigins;
    private final boolean allowMissingOrigin;
    private final boolean compression;

    private WebSocketSettings(int maxFrameSize, int maxMessageSize, Duration handshakeTimeout, Duration pingInterval,
                              Duration idleTimeout, long maxQueuedBytes, List<String> allowedOrigins,
                              boolean allowMissingOrigin, boolean compression) {
        if (maxFrameSize < 125) throw new IllegalArgumentException("maxFrameSize must be >= 125: " + maxFrameSize);
        if (maxQueuedBytes < 1) throw new IllegalArgumentException("maxQueuedBytes must be >= 1: " + maxQueuedBytes);
        this.maxFrameSize = maxFrameSize;
        this.maxMessageSize = maxMessageSize;
        this.handshakeTimeout = handshakeTimeout;
        this.pingInterval = pingInterval;
        this.idleTimeout = idleTimeout;
        this.maxQueuedBytes = maxQueuedBytes;
        this.allowedOrigins = allowedOrigins;
        this.allowMissingOrigin = allowMissingOrigin;
        this.compression = compression;
    }

    /** Checks the settings against each other (when the app is built). */
    WebSocketSettings checked() {
        if (maxMessageSize < maxFrameSize) {
            throw new IllegalArgumentException("WebSocketSettings: maxMessageSize (" + maxMessageSize + ") must be >= maxFrameSize (" + maxFrameSize + ")");
        }
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("WebSocketSettings: idleTimeout (" + idleTimeout + ") must be longer than pingInterval (" + pingInterval + ")");
        }
        return this;
    }

    /** The defaults described above. */
    public static WebSocketSettings defaults() {
        return DEFAULTS;
    }

    /** Largest frame payload a client may send (default 64 KiB); larger closes with 1009. */
    public WebSocketSettings maxFrameSize(int bytes) {
        return new WebSocketSettings(bytes, maxMessageSize, handshakeTimeout, pingInterval, idleTimeout,
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /** Largest message (all its fragments, after decompression) a client may send (default 1 MiB); larger closes with 1009. */
    public WebSocketSettings maxMessageSize(int bytes) {
        return new WebSocketSettings(maxFrameSize, bytes, handshakeTimeout, pingInterval, idleTimeout,
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /**
     * Time from the upgrade request to the completed handshake (a handler that neither accepts nor
     * refuses in time is answered 503), and for the client to answer a close frame (default 10 s).
     */
    public WebSocketSettings handshakeTimeout(Duration t) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, positive(t), pingInterval, idleTimeout,
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /** The server pings a client it has heard nothing from for this long (default 30 s). */
    public WebSocketSettings pingInterval(Duration t) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, positive(t), idleTimeout,
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /** The server closes (1001) a session it has heard nothing from, not even a pong, for this long (default 75 s). */
    public WebSocketSettings idleTimeout(Duration t) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, pingInterval, positive(t),
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /**
     * Most bytes queued for one client and not yet written to its socket (default 1 MiB); a send
     * beyond it closes the session with 1013 instead of growing the heap (one message always fits
     * an empty queue).
     */
    public WebSocketSettings maxQueuedBytes(long bytes) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, pingInterval, idleTimeout,
                bytes, allowedOrigins, allowMissingOrigin, compression);
    }

    /**
     * Browser pages allowed to open WebSockets, as origins in the syntax of {@link Cors#allowOrigins}
     * ({@code https://app.example.com}, {@code https://*.example.com}, {@code http://localhost:*};
     * {@code "*"} allows any). Empty (the default) allows only the server's own origin — the
     * {@code Origin} header must name the host of the {@code Host} header — unless the app registers
     * a {@link Cors} middleware: its origins are then this list too. Any other origin is refused with
     * 403 before the handshake, which stops cross-site WebSocket hijacking.
     */
    public WebSocketSettings allowedOrigins(List<String> origins) {
        var list = new ArrayList<String>();
        for (String o : origins) {
            Objects.requireNonNull(o, "origin");
            if (o.equals("*")) {
                list.add(o);
            } else if (dev.brisk.internal.middleware.OriginMatcher.isPattern(o)) {
                dev.brisk.internal.middleware.OriginMatcher.of(List.of(o));   // checks it, as Cors does
                list.add(o);
            } else {
                list.add(normalizeOrigin(o));
            }
        }
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, pingInterval, idleTimeout,
                maxQueuedBytes, List.copyOf(list), allowMissingOrigin, compression);
    }

    /**
     * Whether clients that send no {@code Origin} header may connect (default true: browsers always
     * send one, other clients usually do not). False refuses them with 403.
     */
    public WebSocketSettings allowMissingOrigin(boolean allow) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, pingInterval, idleTimeout,
                maxQueuedBytes, allowedOrigins, allow, compression);
    }

    /**
     * Offers permessage-deflate (RFC 7692) to clients that ask for it (default off). Decompressed
     * data counts against {@link #maxMessageSize}, so a small compressed frame cannot inflate past it.
     */
    public WebSocketSettings compression(boolean enabled) {
        return new WebSocketSettings(maxFrameSize, maxMessageSize, handshakeTimeout, pingInterval, idleTimeout,
                maxQueuedBytes, allowedOrigins, allowMissingOrigin, enabled);
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration pingInterval() {
        return pingInterval;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** The allowed origins, normalized (lower case, no default port); empty means same-origin only. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    public boolean allowMissingOrigin() {
        return allowMissingOrigin;
    }

    public boolean compression() {
        return compression;
    }

    /**
     * {@code scheme://host[:port]} in lower case without the scheme's default port, as browsers
     * serialize an origin; {@code "null"} stays as it is.
     *
     * @throws IllegalArgumentException when {@code origin} is not of that form
     */
    public static String normalizeOrigin(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.equals("null")) return o;
        int sep = o.indexOf("://");
        if (sep <= 0) throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        String scheme = o.substring(0, sep);
        String rest = o.substring(sep + 3);
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        if (rest.isEmpty() || rest.indexOf('/') >= 0 || rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0 || rest.indexOf('@') >= 0) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && rest.indexOf(']') < colon) {
            String port = rest.substring(colon + 1);
            if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an origin (bad port): " + origin);
            }
            if (port.equals(defaultPort(scheme))) rest = rest.substring(0, colon);
        }
        return scheme + "://" + rest;
    }

    /** The default port of an origin's scheme ({@code "80"} for http and ws, {@code "443"} for https and wss), or null. */
    static String defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> "80";
            case "https", "wss" -> "443";
            default -> null;
        };
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("duration must be > 0: " + d);
        return d;
    }

    @Override
    public String toString() {
        return "WebSocketSettings[maxFrameSize=" + maxFrameSize + ", maxMessageSize=" + maxMessageSize + ", handshakeTimeout="
                + handshakeTimeout + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout + ", maxQueuedBytes="
                + maxQueuedBytes + ", allowedOrigins=" + allowedOrigins + ", allowMissingOrigin=" + allowMissingOrigin
                + ", compression=" + compression + "]";
    }
}
