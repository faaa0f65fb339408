package dev.brisk.openapi.internal;

import dev.brisk.Response;
import dev.brisk.internal.spi.DocsConfig;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serves the document and the two UIs, all from the class path (no CDN): {@code openapiPath},
 * {@code docsPath} (Swagger UI, its files under {@code docsPath/...}, the OAuth2 redirect page at
 * {@code docsPath/oauth2-redirect}) and {@code redocPath} (ReDoc). These are system routes: served,
 * never documented.
 */
public final class DocsExtension implements Extension {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.openapi");
    static final String JSON_TYPE = "application/json";
    static final String HTML_TYPE = "text/html; charset=utf-8";
    static final String JS_TYPE = "text/javascript; charset=utf-8";
    /** Swagger UI files served as they are in the WebJar. */
    static final List<String> SWAGGER_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png",
            "favicon-16x16.png", "oauth2-redirect.html", "oauth2-redirect.js");
    static final String REDOC_FILE = "redoc.standalone.js";

    @Override
    public void configure(ExtensionContext ctx) {
        DocsConfig s = ctx.docs();
        var notes = ctx.state(dev.brisk.internal.spi.RouteNotes.class, dev.brisk.internal.spi.RouteNotes::new);
        // The mapper when the document is first made, not now: an app of plain routes makes none at start.
        var cache = ctx.state(DocumentCache.class, () -> new DocumentCache(ctx.model(), ctx.api(), ctx::mapper, notes));
        if (!s.enabled() || s.openapiPath() == null) return;
        String openapi = s.openapiPath();
        String title = ctx.api().title();
        ctx.systemRoute("GET", openapi, req -> Response.bytes(cache.get().jsonBytes(), JSON_TYPE));
        if (s.docsPath() != null) swaggerUi(ctx, s.docsPath(), openapi, title);
        if (s.docsPath() != null) WebSocketPage.serve(ctx, base(s.docsPath()) + "/websockets");
        if (s.redocPath() != null) redoc(ctx, s.redocPath(), openapi, title);
    }

    private static void swaggerUi(ExtensionContext ctx, String path, String openapi, String title) {
        WebJar jar = WebJar.find("swagger-ui", "swagger-ui-bundle.js");
        if (jar == null) {
            LOG.warn("{} is off: org.webjars:swagger-ui is not on the class path", path);
            return;
        }
        String base = base(path);
        byte[] page = utf8("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - Swagger UI</title>
                <link rel="stylesheet" type="text/css" href="%2$s/swagger-ui.css">
                <link rel="icon" type="image/png" href="%2$s/favicon-32x32.png" sizes="32x32">
                <link rel="icon" type="image/png" href="%2$s/favicon-16x16.png" sizes="16x16">
                </head>
                <body>
                <div id="swagger-ui"></div>
                <script src="%2$s/swagger-ui-bundle.js" charset="utf-8"></script>
                <script src="%2$s/swagger-ui-init.js" charset="utf-8"></script>
                </body>
                </html>
                """.formatted(html(title), html(base)));
        // The configuration lives in a file of its own, so that a strict Content-Security-Policy needs no inline script.
        byte[] init = utf8("""
                window.ui = SwaggerUIBundle({
                  url: %s,
                  dom_id: "#swagger-ui",
                  layout: "BaseLayout",
                  deepLinking: true,
                  showExtensions: true,
                  showCommonExtensions: true,
                  oauth2RedirectUrl: window.location.origin + %s,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
                });
                """.formatted(js(openapi), js(base + "/oauth2-redirect")));
        ctx.systemRoute("GET", path, req -> Response.bytes(page, HTML_TYPE));
        ctx.systemRoute("GET", base + "/swagger-ui-init.js", req -> Response.bytes(init, JS_TYPE));
        var files = jar.root();
        ctx.systemRoute("GET", base + "/oauth2-redirect", req -> asset(files, "oauth2-redirect.html"));
        for (String file : SWAGGER_FILES) {
            if (!jar.has(file)) continue;
            ctx.systemRoute("GET", base + "/" + file, req -> asset(files, file));
        }
    }

    private static void redoc(ExtensionContext ctx, String path, String openapi, String title) {
        WebJar jar = WebJar.find("redoc", REDOC_FILE);
        if (jar == null) {
            LOG.warn("{} is off: org.webjars:redoc is not on the class path", path);
            return;
        }
        String base = base(path);
        // No web fonts: ReDoc falls back to the system's, and the page works offline.
        byte[] page = utf8("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - ReDoc</title>
                <style>body { margin: 0; padding: 0; }</style>
                </head>
                <body>
                <noscript>ReDoc needs JavaScript to show the documentation.</noscript>
                <redoc spec-url="%2$s"></redoc>
                <script src="%3$s/%4$s" charset="utf-8"></script>
                </body>
                </html>
                """.formatted(html(title), html(openapi), html(base), REDOC_FILE));
        ctx.systemRoute("GET", path, req -> Response.bytes(page, HTML_TYPE));
        var files = jar.root();
        ctx.systemRoute("GET", base + "/" + REDOC_FILE, req -> asset(files, REDOC_FILE));
    }

    /** A WebJar file through the static-file code (validators, 304, ranges); 404 should it be missing. */
    private static Response asset(dev.brisk.internal.files.StaticRoot files, String file) {
        if (files.find(List.of(file)) instanceof dev.brisk.internal.files.StaticRoot.Found.File f) {
            return Response.status(200).body(f.source()).header("X-Content-Type-Options", "nosniff");
        }
        return Response.json(404, java.util.Map.of("detail", "Not Found"));
    }

    /** The prefix of a page's files: {@code /docs} -> {@code /docs}, {@code /} -> {@code ""}. */
    private static String base(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String html(String s) {
        var sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} as a JavaScript string literal (JSON's escapes, and {@code <} escaped so no tag can close). */
    private static String js(String s) {
        return ("\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"")
                .replace("<", "\\u003c");
    }
}
