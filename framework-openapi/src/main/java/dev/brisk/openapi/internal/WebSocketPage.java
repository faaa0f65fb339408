package dev.brisk.openapi.internal;

import dev.brisk.Response;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.spi.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The WebSocket routes, which OpenAPI does not describe (they are not operations), listed on a page
 * of their own next to Swagger UI: {@code docsPath/websockets}, with each route's path, summary and
 * handshake parameters, read from the same route model as the document.
 */
final class WebSocketPage {
    private WebSocketPage() {
    }

    static void serve(ExtensionContext ctx, String path) {
        List<RouteDef> routes = ctx.model().webSockets();
        if (routes.isEmpty()) return;
        byte[] page = html(ctx.api().title(), routes).getBytes(StandardCharsets.UTF_8);
        ctx.systemRoute("GET", path, req -> Response.bytes(page, DocsExtension.HTML_TYPE));
    }

    static String html(String title, List<RouteDef> routes) {
        var sb = new StringBuilder(1024).append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - WebSocket routes</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:60em} table{border-collapse:collapse;margin-bottom:1.5em}
                td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left} code{background:#f4f4f4}</style>
                </head>
                <body>
                <h1>%1$s: WebSocket routes</h1>
                <p>These routes speak WebSocket (RFC 6455), so the OpenAPI document leaves them out. Each takes a GET
                upgrade request; bad parameters are answered before the handshake, with the same errors as HTTP routes.</p>
                """.formatted(DocsExtension.html(title)));
        for (RouteDef r : routes) {
            sb.append("<h2><code>WS ").append(DocsExtension.html(r.path())).append("</code></h2>\n");
            if (!r.doc().summary().isEmpty()) sb.append("<p><b>").append(DocsExtension.html(r.doc().summary())).append("</b></p>\n");
            if (!r.doc().description().isEmpty()) sb.append("<p>").append(DocsExtension.html(r.doc().description())).append("</p>\n");
            var params = r.allWireParams();
            if (params.isEmpty()) {
                sb.append("<p>No parameters.</p>\n");
                continue;
            }
            sb.append("<table><tr><th>name</th><th>in</th><th>type</th><th>required</th></tr>\n");
            for (ParamDef p : params) {
                sb.append("<tr><td><code>").append(DocsExtension.html(p.wireName())).append("</code></td><td>")
                        .append(p.kind().locRoot()).append("</td><td>").append(DocsExtension.html(p.type().getTypeName().replaceAll("[a-z0-9_.]+\\.", "")))
                        .append("</td><td>").append(p.required() ? "yes" : "no").append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }
}
