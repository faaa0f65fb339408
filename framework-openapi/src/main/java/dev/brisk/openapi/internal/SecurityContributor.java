package dev.brisk.openapi.internal;

import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.security.RouteSecurity;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code components.securitySchemes} and each operation's {@code security}, from the security the
 * route model gives each route ({@link RouteSecurity}): schemes needed together are one requirement,
 * {@code AnyOf} schemes are alternatives, and an optional scheme adds the empty requirement {@code {}}
 * (the operation also works without credentials). OAuth2 requirements list the route's scopes. The
 * operation's responses gain what the schemes answer: 401 without credentials, 403 without a scope.
 */
final class SecurityContributor implements DocumentContributor {
    private final Map<String, SecurityScheme> used = new LinkedHashMap<>();

    @Override
    public void operation(RouteDef route, Operation operation, OpenAPI document) {
        var security = RouteSecurity.of(route);
        if (security.requirements().isEmpty()) return;
        var requirements = new ArrayList<SecurityRequirement>();
        for (List<SecurityScheme> together : security.requirements()) {
            var requirement = new SecurityRequirement();
            for (SecurityScheme s : together) {
                requirement.addList(s.name(), new ArrayList<>(security.scopesFor(s)));
                used.putIfAbsent(s.name(), s);
            }
            requirements.add(requirement);
        }
        operation.security(requirements);
        // What the schemes answer without credentials (403 for those with FastAPI's pre-0.122 answers), and for missing scopes.
        boolean legacy = security.schemes().stream().anyMatch(SecurityContributor::isLegacy);
        boolean modern = security.schemes().stream().anyMatch(x -> !isLegacy(x));
        if (modern) error(operation, "401", "Not authenticated");
        if (legacy || !security.scopes().isEmpty()) error(operation, "403", legacy ? "Not authenticated" : "Not enough permissions");
    }

    private static boolean isLegacy(SecurityScheme s) {
        return s instanceof HttpBearer b && b.isLegacy() || s instanceof ApiKeyHeader k && k.isLegacy()
                || s instanceof ApiKeyQuery q && q.isLegacy() || s instanceof ApiKeyCookie c && c.isLegacy();
    }

    private static void error(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) return;
        var schema = new JsonSchema().typesItem("object").addProperty("detail", new JsonSchema().typesItem("string")).required(List.of("detail"));
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(DocumentBuilder.JSON, new MediaType().schema(schema))));
    }

    @Override
    public void document(OpenAPI document) {
        if (used.isEmpty()) return;
        if (document.getComponents() == null) document.components(new Components());
        for (var e : used.entrySet()) document.getComponents().addSecuritySchemes(e.getKey(), model(e.getValue()));
    }

    private static io.swagger.v3.oas.models.security.SecurityScheme model(SecurityScheme s) {
        var m = new io.swagger.v3.oas.models.security.SecurityScheme();
        if (s instanceof OAuth2PasswordBearer o) {
            var scopes = new io.swagger.v3.oas.models.security.Scopes();
            o.scopes().forEach(scopes::addString);
            var flow = new OAuthFlow().tokenUrl(o.tokenUrl()).scopes(scopes);
            o.refreshUrl().ifPresent(flow::refreshUrl);
            m.type(io.swagger.v3.oas.models.security.SecurityScheme.Type.OAUTH2).flows(new OAuthFlows().password(flow));
            o.description().ifPresent(m::description);
        } else if (s instanceof HttpBearer b) {
            m.type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer");
            b.bearerFormat().ifPresent(m::bearerFormat);
            b.description().ifPresent(m::description);
        } else if (s instanceof HttpBasic b) {
            m.type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("basic");
            b.description().ifPresent(m::description);
        } else if (s instanceof ApiKeyHeader k) {
            apiKey(m, io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER, k.keyName());
            k.description().ifPresent(m::description);
        } else if (s instanceof ApiKeyQuery k) {
            apiKey(m, io.swagger.v3.oas.models.security.SecurityScheme.In.QUERY, k.keyName());
            k.description().ifPresent(m::description);
        } else if (s instanceof ApiKeyCookie k) {
            apiKey(m, io.swagger.v3.oas.models.security.SecurityScheme.In.COOKIE, k.keyName());
            k.description().ifPresent(m::description);
        } else {
            throw new IllegalArgumentException("not a concrete scheme: " + s);
        }
        return m;
    }

    private static void apiKey(io.swagger.v3.oas.models.security.SecurityScheme m,
                               io.swagger.v3.oas.models.security.SecurityScheme.In in, String name) {
        m.type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY).in(in).name(name);
    }
}
