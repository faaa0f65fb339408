package dev.brisk.test;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser-like jar reduced to what tests need: name to value. {@code Set-Cookie} stores a cookie;
 * {@code Max-Age=0} (or an {@code Expires} in the past) deletes it. Path, domain and flags are ignored.
 */
final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    synchronized void update(List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            Cookie c = ClientCookieDecoder.LAX.decode(header);
            if (c == null) continue;
            if (c.maxAge() != Cookie.UNDEFINED_MAX_AGE && c.maxAge() <= 0) {
                cookies.remove(c.name());
            } else {
                cookies.put(c.name(), c.value());
            }
        }
    }

    synchronized Map<String, String> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
    }

    synchronized void clear() {
        cookies.clear();
    }

    /** The {@code Cookie} header for the jar plus {@code extra} (which wins on equal names), or null. */
    synchronized String header(Map<String, String> extra) {
        if (cookies.isEmpty() && extra.isEmpty()) return null;
        var all = new LinkedHashMap<>(cookies);
        all.putAll(extra);
        var sb = new StringBuilder();
        for (var e : all.entrySet()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
