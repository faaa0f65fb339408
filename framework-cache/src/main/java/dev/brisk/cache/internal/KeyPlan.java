package dev.brisk.cache.internal;

import dev.brisk.StartupException;
import dev.brisk.cache.Cached;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How one route's cache key is made, worked out at startup from the route model: the namespace,
 * the route template, then each value that can change the response, in a fixed (sorted) order —
 * the handler's path, query, header and cookie parameters as bound (so {@code ?limit=010} and
 * {@code ?limit=10} are one entry, and an absent parameter equals its default), those its
 * dependencies read as sent, a hash of the body if it reads one, the {@code vary} headers, and the
 * credentials as hashes. Injected dependencies' objects never are part of it. Every value is
 * length-prefixed, so no two different requests make the same key.
 */
final class KeyPlan {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** The key of one request: the canonical text, and whether it holds a credential (a principal). */
    record Key(String canonical, boolean principal) {
    }

    private sealed interface Part permits Arg, Raw, BodyHash {
        String label();

        boolean credential();
    }

    /** A handler parameter's bound value. */
    private record Arg(String label, int index, boolean credential) implements Part {
    }

    /** A value a dependency reads (or a {@code vary} header), as sent. */
    private record Raw(String label, ParamKind kind, String name, boolean credential) implements Part {
    }

    private record BodyHash(String label) implements Part {
        @Override
        public boolean credential() {
            return false;
        }
    }

    private final String head;
    private final Part[] parts;
    private final String vary;
    private final Set<String> varyNames;
    private final boolean readsCredentials;

    private final Key fixed;

    private KeyPlan(String head, Part[] parts, String vary, Set<String> varyNames, boolean readsCredentials) {
        this.head = head;
        this.fixed = new Key(head, false);
        this.parts = parts;
        this.vary = vary;
        this.varyNames = varyNames;
        this.readsCredentials = readsCredentials;
    }

    /** The {@code Vary} value naming the request headers in the key, or null when none is. */
    String vary() {
        return vary;
    }

    /** Lower-case names of the request headers in the key ({@code cookie} when a cookie is). */
    Set<String> varyNames() {
        return varyNames;
    }

    /** Whether some request of this route may carry a credential into its key. */
    boolean readsCredentials() {
        return readsCredentials;
    }

    static KeyPlan compile(RouteDef def, Cached cached, String namespace) {
        var found = new LinkedHashMap<String, Part>();
        var names = new LinkedHashMap<String, List<String>>();   // label -> the names a user may give in key()
        boolean[] opaque = {false};
        for (ParamDef p : def.params()) {
            if (p.kind() == ParamKind.REQUEST) opaque[0] = true;
            if (!p.kind().isWire()) continue;
            String label = label(p);
            boolean body = p.kind() == ParamKind.BODY || p.kind() == ParamKind.FORM;
            Part part = body ? new BodyHash("body") : new Arg(label, p.index(), Credentials.isCredential(p, false));
            if (found.putIfAbsent(part.label(), part) == null) names.put(part.label(), List.of(p.javaName(), p.wireName()));
        }
        var seen = new HashSet<ProviderDef>();
        for (ProviderDef d : def.routeDependencies()) dependency(d, found, names, seen, opaque);
        for (ParamDef p : def.params()) {
            if (p.kind() == ParamKind.DEPENDS) dependency(p.dependency(), found, names, seen, opaque);
        }
        if (cached.key().length > 0) {
            var wanted = new LinkedHashSet<String>(List.of(cached.key()));
            var keep = new LinkedHashMap<String, Part>();
            for (var e : found.entrySet()) {
                var aliases = names.get(e.getKey());
                boolean listed = aliases.stream().anyMatch(wanted::contains) || e.getKey().equals("body") && wanted.contains("body");
                if (listed) wanted.removeAll(aliases);
                if (listed || e.getValue().credential()) keep.put(e.getKey(), e.getValue());
            }
            wanted.remove("body");
            if (!wanted.isEmpty()) {
                throw new StartupException("@Cached(key = ...) on " + def.describe() + " names " + String.join(", ", wanted)
                        + ", which the route does not read; its parameters are: " + String.join(", ",
                        names.values().stream().map(n -> n.get(0)).toList()));
            }
            found.clear();
            found.putAll(keep);
        }
        for (String h : cached.vary()) {
            if (h.isBlank() || !token(h)) throw new StartupException("@Cached(vary = ...) on " + def.describe() + ": \"" + h + "\" is not a header name");
            String name = h.toLowerCase(Locale.ROOT);
            found.putIfAbsent("header:" + name, new Raw("header:" + name, ParamKind.HEADER, name,
                    Credentials.isCredential(ParamKind.HEADER, name, true)));
        }
        if (opaque[0]) {
            // The handler or a dependency reads the raw Request: it may read any credential. Assume it does.
            for (String h : List.of("authorization", "cookie")) {
                found.putIfAbsent("header:" + h, new Raw("header:" + h, ParamKind.HEADER, h, true));
            }
        }
        var sorted = new TreeMap<>(found);
        var varyNames = new LinkedHashSet<String>();
        boolean creds = false;
        for (Part p : sorted.values()) {
            creds |= p.credential();
            if (p.label().startsWith("header:")) varyNames.add(p.label().substring("header:".length()));
            if (p.label().startsWith("cookie:")) varyNames.add("cookie");
        }
        var sortedNames = new java.util.TreeSet<>(varyNames);
        String vary = sortedNames.isEmpty() ? null : String.join(", ", sortedNames.stream().map(KeyPlan::titleCase).toList());
        String head = namespace + "\n" + def.httpMethod() + " " + def.path();
        return new KeyPlan(head, sorted.values().toArray(Part[]::new), vary, Set.copyOf(sortedNames), creds);
    }

    private static void dependency(ProviderDef d, Map<String, Part> found, Map<String, List<String>> names, Set<ProviderDef> seen, boolean[] opaque) {
        if (d == null || !seen.add(d)) return;
        for (ParamDef p : d.params()) {
            if (p.kind() == ParamKind.REQUEST) opaque[0] = true;
            if (p.kind() == ParamKind.DEPENDS) {
                dependency(p.dependency(), found, names, seen, opaque);
                continue;
            }
            if (!p.kind().isWire()) continue;
            boolean body = p.kind() == ParamKind.BODY || p.kind() == ParamKind.FORM;
            Part part = body ? new BodyHash("body")
                    : new Raw(label(p), p.kind(), p.wireName(), Credentials.isCredential(p, true));
            if (found.putIfAbsent(part.label(), part) == null) names.put(part.label(), List.of(p.javaName(), p.wireName()));
        }
    }

    private static String label(ParamDef p) {
        String name = p.kind() == ParamKind.HEADER ? p.wireName().toLowerCase(Locale.ROOT) : p.wireName();
        return p.kind().name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    private static boolean token(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!ok) return false;
        }
        return true;
    }

    /** {@code x-api-key} -> {@code X-Api-Key}. */
    static String titleCase(String name) {
        var sb = new StringBuilder(name.length());
        boolean up = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(up ? Character.toUpperCase(c) : c);
            up = c == '-';
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------ per request

    Key key(RequestView req, Object[] args) {
        if (parts.length == 0) return fixed;
        var sb = new StringBuilder(head.length() + 16 * parts.length + 16).append(head);
        boolean principal = false;
        for (Part p : parts) {
            sb.append('\n').append(p.label()).append('=');
            if (p instanceof BodyHash) {
                if (req.hasBody()) sb.append('#').append(URL.encodeToString(Hashing.sha256().digest(req.bodyArray())));
                else sb.append('~');
                continue;
            }
            Object v = p instanceof Arg a ? (a.index() < args.length ? args[a.index()] : null) : raw(req, (Raw) p);
            if (p.credential()) {
                if (present(v)) {
                    principal = true;
                    var text = new StringBuilder();
                    canon(text, v);
                    MessageDigest md = Hashing.sha256();
                    sb.append('#').append(URL.encodeToString(md.digest(text.toString().getBytes(StandardCharsets.UTF_8))));
                } else {
                    sb.append('~');
                }
            } else {
                canon(sb, v);
            }
        }
        return new Key(sb.toString(), principal);
    }

    private static Object raw(RequestView req, Raw r) {
        return switch (r.kind()) {
            case QUERY -> req.queryValues(r.name());
            case HEADER -> req.headers(r.name());
            case COOKIE -> req.cookieValue(r.name());
            case PATH -> req.pathParam(r.name()).orElse(null);
            default -> null;
        };
    }

    private static boolean present(Object v) {
        if (v == null) return false;
        if (v instanceof Optional<?> o) return o.isPresent() && present(o.get());
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof CharSequence s) return s.length() > 0;
        return true;
    }

    /** Appends {@code v} so that different values never read the same: {@code ~} for none, {@code 3:abc}, {@code [2:ab1:c]}. */
    static void canon(StringBuilder sb, Object v) {
        if (v instanceof Optional<?> o) v = o.orElse(null);
        if (v == null) {
            sb.append('~');
        } else if (v instanceof Set<?> set) {
            var items = new ArrayList<String>(set.size());
            for (Object o : set) {
                var one = new StringBuilder();
                canon(one, o);
                items.add(one.toString());
            }
            items.sort(null);
            sb.append('[');
            for (String s : items) sb.append(s);
            sb.append(']');
        } else if (v instanceof Collection<?> list) {
            sb.append('[');
            for (Object o : list) canon(sb, o);
            sb.append(']');
        } else {
            String s = v instanceof Enum<?> e ? e.name()
                    : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : v.toString();
            sb.append(s.length()).append(':').append(s);
        }
    }
}
