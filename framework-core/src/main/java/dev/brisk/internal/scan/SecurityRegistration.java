package dev.brisk.internal.scan;

import dev.brisk.StartupException;
import dev.brisk.internal.model.ProviderDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;
import dev.brisk.internal.security.PasswordForms;
import dev.brisk.internal.security.RouteSecurity;
import dev.brisk.internal.security.SchemeProviders;
import dev.brisk.internal.security.SecurityTable;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.SecurityScheme;
import dev.brisk.security.SecurityScopes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Puts {@code dev.brisk.security} into the route model: the registered schemes as providers of their
 * credentials, the OAuth2 password forms and {@code SecurityScopes} as built-in providers; and, once the
 * model is built, checks each route's security (scopes declared and checked) and marks the secret
 * fields of the password forms as credentials.
 */
final class SecurityRegistration {
    private final SecurityTable table = new SecurityTable();

    /** Registers the built-in providers and the app's schemes (before any route is read). */
    SecurityRegistration(Providers providers, List<SecurityScheme> schemes) {
        providers.addProvider(ProviderDef.builtIn(SecurityScopes.class, "", List.of(),
                (route, args) -> table.scopes(route), null, "the SecurityScopes of the route"));
        // The password forms' providers are read and compiled only in an app that asks for a form.
        providers.addOnDemand(() -> providers.addProviders(PasswordForms.class, new PasswordForms(), false),
                dev.brisk.security.OAuth2PasswordRequestForm.class, dev.brisk.security.OAuth2PasswordRequestFormStrict.class);
        var byName = new LinkedHashMap<String, SecurityScheme>();
        var unique = new LinkedHashSet<SecurityScheme>(schemes);
        for (var s : unique) {
            for (var m : SchemeProviders.members(s)) {
                var other = byName.putIfAbsent(m.name(), m);
                if (other != null && !other.equals(m)) {
                    throw new StartupException("two different security schemes are named \"" + m.name() + "\": " + other + " and " + m
                            + "; give one another name with .name(\"...\") (the name is the scheme's key in the OpenAPI document)");
                }
            }
        }
        for (var s : unique) providers.addProvider(SchemeProviders.provider(s));
    }

    /** Checks every route's security and fills the table of scopes (after the model is built). */
    void check(RouteModel model) {
        for (ProviderDef p : model.providers()) {
            if (p.target() instanceof PasswordForms) {
                p.params(p.params().stream().map(q -> PasswordForms.SECRET_FIELDS.contains(q.wireName()) ? q.asCredential() : q).toList());
            }
        }
        var scopes = new IdentityHashMap<RouteDef, SecurityScopes>();
        for (RouteDef r : model.routes()) {
            RouteSecurity sec = RouteSecurity.of(r);
            if (!sec.scopes().isEmpty() && !sec.checksScopes()) {
                throw new StartupException("route " + r.describe() + " needs scopes " + sec.scopes()
                        + ", but none of its dependencies takes SecurityScopes to check them: add a SecurityScopes parameter"
                        + " to the provider that verifies the token and call scopes.check(grantedScopes)");
            }
            var oauth = new ArrayList<OAuth2PasswordBearer>();
            for (var s : sec.schemes()) if (s instanceof OAuth2PasswordBearer o) oauth.add(o);
            if (!oauth.isEmpty()) {
                for (String scope : sec.scopes()) {
                    if (oauth.stream().noneMatch(o -> o.scopes().containsKey(scope))) {
                        throw new StartupException("route " + r.describe() + " needs scope \"" + scope + "\", which "
                                + oauth.stream().map(o -> o.name() + " (declares " + o.scopes().keySet() + ")").toList()
                                + " does not declare; add .scope(\"" + scope + "\", \"what it allows\") to the scheme");
                    }
                }
            }
            try {
                scopes.put(r, SecurityScopes.of(sec.scopes()));
            } catch (IllegalArgumentException e) {
                throw new StartupException("route " + r.describe() + ": " + e.getMessage());
            }
        }
        table.fill(scopes);
    }
}
