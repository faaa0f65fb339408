package dev.brisk.internal.security;

import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScheme;
import dev.brisk.security.SecurityScopes;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a route's security is, read from the route model alone (its dependency tree and the
 * {@link Scopes} annotations on it): the runtime's {@code SecurityScopes} and the OpenAPI document
 * both come from here.
 *
 * @param scopes every scope the route needs, outermost first, each once
 * @param requirements the alternatives the route accepts (OpenAPI's {@code security}), each the schemes
 *                     needed together; an empty alternative means no credentials at all. Empty when the
 *                     route uses no scheme
 * @param schemes every concrete scheme the route uses, in order of first use
 * @param checksScopes some provider of the route takes {@code SecurityScopes}
 */
public record RouteSecurity(List<String> scopes, List<List<SecurityScheme>> requirements, List<SecurityScheme> schemes,
                            boolean checksScopes) {

    /** The security of {@code route}. */
    public static RouteSecurity of(RouteDef route) {
        var walk = new Walk();
        if (route.method() != null) {
            walk.scopes(route.method().getDeclaringClass());
            walk.scopes(route.method());
        }
        for (ProviderDef d : route.routeDependencies()) walk.visit(null, d);
        for (ParamDef p : route.params()) {
            if (p.kind() == ParamKind.DEPENDS) walk.visit(p, p.dependency());
        }
        return walk.result();
    }

    /** The scopes that OpenAPI lists for {@code scheme} in this route's requirements: the route's, for OAuth2. */
    public List<String> scopesFor(SecurityScheme scheme) {
        return scheme instanceof OAuth2PasswordBearer ? scopes : List.of();
    }

    private static final class Walk {
        final Set<String> scopes = new LinkedHashSet<>();
        /** Scheme providers met, and whether every parameter that asked for them was an Optional. */
        final Map<ProviderDef, Boolean> nodes = new LinkedHashMap<>();
        final Set<ProviderDef> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean checksScopes;

        void scopes(AnnotatedElement e) {
            if (e == null) return;
            Scopes s = e.getAnnotation(Scopes.class);
            if (s != null) scopes.addAll(List.of(s.value()));
        }

        void visit(ParamDef edge, ProviderDef p) {
            if (edge != null) scopes(edge.element());
            if (p.type() == SecurityScopes.class) checksScopes = true;
            if (p.security().isPresent()) {
                boolean optional = edge != null && isOptional(edge);
                nodes.merge(p, optional, (a, b) -> a && b);
                return;
            }
            if (!seen.add(p)) return;
            scopes(p.method());
            for (ParamDef q : p.params()) {
                if (q.kind() == ParamKind.DEPENDS) visit(q, q.dependency());
            }
        }

        static boolean isOptional(ParamDef p) {
            return p.type() instanceof ParameterizedType pt && pt.getRawType() == Optional.class;
        }

        RouteSecurity result() {
            var used = new LinkedHashSet<SecurityScheme>();
            List<List<SecurityScheme>> alternatives = new ArrayList<>();
            if (!nodes.isEmpty()) alternatives.add(List.of());
            for (var e : nodes.entrySet()) {
                var scheme = (SecurityScheme) e.getKey().security().orElseThrow();
                var options = new ArrayList<List<SecurityScheme>>();
                for (var m : SchemeProviders.members(scheme)) {
                    options.add(List.of(m));
                    used.add(m);
                }
                if (e.getValue()) options.add(List.of());
                var next = new ArrayList<List<SecurityScheme>>();
                for (var a : alternatives) {
                    for (var o : options) {
                        var together = new LinkedHashSet<>(a);
                        together.addAll(o);
                        var list = List.copyOf(together);
                        if (next.stream().noneMatch(x -> Set.copyOf(x).equals(Set.copyOf(list)))) next.add(list);
                    }
                }
                alternatives = next;
            }
            return new RouteSecurity(List.copyOf(scopes), List.copyOf(alternatives), List.copyOf(used), checksScopes);
        }
    }
}
