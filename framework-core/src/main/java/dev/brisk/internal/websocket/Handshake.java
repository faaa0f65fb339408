package dev.brisk.internal.websocket;

import dev.brisk.WebSocketSettings;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The server's side of RFC 6455's opening handshake (section 4.2): what the request must carry, and the answer's key. */
public final class Handshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final String VERSION = "13";

    private Handshake() {
    }

    /** A GET asking to switch to WebSocket ({@code Upgrade: websocket}, any case); everything else is checked by {@link #check}. */
    public static boolean isUpgrade(RequestView req) {
        String up = req.headerValue(HttpHeaderNames.UPGRADE);
        return up != null && hasToken(req.headerMap(), HttpHeaderNames.UPGRADE, "websocket");
    }

    /**
     * The refusal of a malformed or forbidden handshake (400, 426 with the supported version, 403
     * for an origin that is not allowed), or null when the request may be upgraded.
     */
    public static Reply check(RequestView req, Origins origins) {
        var alloc = req.connection().alloc();
        if (!"HTTP/1.1".equals(req.protocol())) return Replies.detail(alloc, 400, "Bad Request: a WebSocket handshake needs HTTP/1.1");
        if (!hasToken(req.headerMap(), HttpHeaderNames.CONNECTION, "upgrade")) {
            return Replies.detail(alloc, 400, "Bad Request: a WebSocket handshake needs Connection: Upgrade");
        }
        List<String> versions = req.headerMap().getAll(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (versions.size() != 1 || !VERSION.equals(versions.get(0).trim())) {
            var r = Replies.detail(alloc, 426, "Upgrade Required: Sec-WebSocket-Version 13 is the supported version");
            r.addHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION, VERSION);
            r.addHeader(HttpHeaderNames.UPGRADE, "websocket");
            return r;
        }
        List<String> keys = req.headerMap().getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (keys.size() != 1 || !validKey(keys.get(0).trim())) {
            return Replies.detail(alloc, 400, "Bad Request: Sec-WebSocket-Key must be 16 bytes in base64");
        }
        if (!origins.allows(req)) return Replies.detail(alloc, 403, "Forbidden: this origin may not open WebSockets here");
        return null;
    }

    private static boolean validKey(String key) {
        if (key.length() != 24) return false;
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Sec-WebSocket-Accept} for a client's key. */
    public static String accept(String key) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** The sub-protocols offered, in order (comma-separated over one or more header lines). */
    public static List<String> subprotocols(RequestView req) {
        var out = new ArrayList<String>(2);
        for (String line : req.headerMap().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String p : line.split(",")) {
                String t = p.trim();
                if (!t.isEmpty() && !out.contains(t)) out.add(t);
            }
        }
        return out;
    }

    /** Whether a comma-separated header has {@code token} (case-insensitive) in any of its lines. */
    static boolean hasToken(HttpHeaders headers, CharSequence name, String token) {
        var it = headers.valueStringIterator(name);
        while (it.hasNext()) {
            String v = it.next();
            int start = 0;
            while (start <= v.length()) {
                int comma = v.indexOf(',', start);
                int end = comma < 0 ? v.length() : comma;
                String part = v.substring(start, end).trim();
                if (part.equalsIgnoreCase(token)) return true;
                if (comma < 0) break;
                start = comma + 1;
            }
        }
        return false;
    }

    /** The Origin check of {@link WebSocketSettings#allowedOrigins}: same-origin by default, or an allow-list. */
    public static final class Origins {
        private final List<String> allowed;
        private final dev.brisk.internal.middleware.OriginMatcher matcher;
        private final boolean any;
        private final boolean allowMissing;

        public Origins(WebSocketSettings s) {
            this.allowed = s.allowedOrigins();
            this.any = allowed.contains("*");
            this.matcher = dev.brisk.internal.middleware.OriginMatcher.of(allowed.stream().filter(o -> !o.equals("*") && !o.equals("null")).toList());
            this.allowMissing = s.allowMissingOrigin();
        }

        boolean allows(RequestView req) {
            List<String> origins = req.headerMap().getAll(HttpHeaderNames.ORIGIN);
            if (origins.isEmpty()) return allowMissing;
            if (origins.size() > 1) return false;
            if (any) return true;
            String origin;
            try {
                origin = WebSocketSettings.normalizeOrigin(origins.get(0));
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!allowed.isEmpty()) return allowed.contains(origin) || matcher.matches(origin);
            return sameOrigin(origin, req.headerValue(HttpHeaderNames.HOST));
        }

        /** The origin's host and port equal the Host header's (its port defaulting to the origin scheme's). */
        static boolean sameOrigin(String origin, String host) {
            if (host == null || origin.equals("null")) return false;
            int sep = origin.indexOf("://");
            String scheme = origin.substring(0, sep);
            String authority = origin.substring(sep + 3);
            String def = scheme.equals("https") || scheme.equals("wss") ? "443" : scheme.equals("http") || scheme.equals("ws") ? "80" : null;
            if (def == null) return false;
            return withPort(authority, def).equals(withPort(host.trim().toLowerCase(Locale.ROOT), def));
        }

        private static String withPort(String authority, String defaultPort) {
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon > 0 && authority.indexOf(']') < colon;
            return hasPort ? authority : authority + ":" + defaultPort;
        }
    }
}
