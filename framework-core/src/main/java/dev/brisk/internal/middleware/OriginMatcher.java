package dev.brisk.internal.middleware;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of allowed origins in the CORS configuration's syntax (exact origins, {@code *.} host and
 * {@code :*} port patterns), for other checks that share it: the WebSocket handshake's Origin check.
 */
public final class OriginMatcher {
    private final Set<String> exact = new HashSet<>();
    private final OriginRule[] patterns;

    private OriginMatcher(List<String> specs) {
        var list = new ArrayList<OriginRule>();
        for (String s : specs) {
            var rule = OriginRule.parse(s);
            if (rule.exact != null) exact.add(rule.exact);
            else list.add(rule);
        }
        this.patterns = list.toArray(OriginRule[]::new);
    }

    /** @throws dev.brisk.StartupException naming a malformed origin */
    public static OriginMatcher of(List<String> specs) {
        return new OriginMatcher(specs);
    }

    /** Whether an {@code Origin} value (as a browser sends it) is allowed. */
    public boolean matches(String origin) {
        if (exact.contains(origin)) return true;
        for (OriginRule p : patterns) if (p.matches(origin)) return true;
        return false;
    }

    /** Whether {@code spec} is a pattern rather than one origin. */
    public static boolean isPattern(String spec) {
        return spec.indexOf('*') >= 0;
    }
}
