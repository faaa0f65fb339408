package dev.brisk.internal.files;

import dev.brisk.Get;
import dev.brisk.Request;
import dev.brisk.Response;
import dev.brisk.internal.http.RequestView;

import java.util.List;

/**
 * The routes of one static-file mount, included under its prefix: the prefix itself (a 308 to the
 * prefix with a slash), the root's index, and every path below. They run on the worker pool (files are
 * opened and checked there) and are hidden from the OpenAPI document.
 */
public class StaticRoutes {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final StaticRoot root;
    private final String prefix;
    private final String index;
    private final String spaFallback;
    private final String cacheControl;
    private final boolean fingerprinted;

    public StaticRoutes(StaticRoot root, String prefix, String index, String spaFallback, String cacheControl, boolean fingerprinted) {
        this.root = root;
        this.prefix = prefix.equals("/") ? "" : prefix;
        this.index = index;
        this.spaFallback = spaFallback;
        this.cacheControl = cacheControl;
        this.fingerprinted = fingerprinted;
    }

    /** The routes for a mount at {@code prefix} ({@code "/"} has no prefix route of its own). */
    public static Object of(StaticRoot root, String prefix, String index, String spaFallback, String cacheControl, boolean fingerprinted) {
        var r = new StaticRoutes(root, prefix, index, spaFallback, cacheControl, fingerprinted);
        return prefix.equals("/") ? new AtRoot(r) : r;
    }

    @Get(hidden = true)
    public Response mount(Request request) {
        return redirectToSlash(request);
    }

    @Get(value = "/", hidden = true)
    public Response top(Request request) {
        return serve(request, "");
    }

    @Get(value = "/{path:path}", hidden = true)
    public Response file(String path, Request request) {
        return serve(request, ((RequestView) request).rawPath().substring(prefix.length() + 1));
    }

    /** The mount at {@code /}: no prefix route (it would be the root's own). */
    public static final class AtRoot {
        private final StaticRoutes r;

        AtRoot(StaticRoutes r) {
            this.r = r;
        }

        @Get(value = "/", hidden = true)
        public Response top(Request request) {
            return r.serve(request, "");
        }

        @Get(value = "/{path:path}", hidden = true)
        public Response file(String path, Request request) {
            return r.serve(request, ((RequestView) request).rawPath().substring(1));
        }
    }

    // ------------------------------------------------------------------------------------ serving

    Response serve(Request request, String rawRest) {
        boolean slash = rawRest.endsWith("/");
        List<String> segments = StaticPaths.segments(slash ? rawRest.substring(0, rawRest.length() - 1) : rawRest);
        if (segments == null) return notFound();
        StaticRoot.Found found = root.find(segments);
        if (found instanceof StaticRoot.Found.File f && slash) {
            f.source().close();   // "a.txt/" names a directory that is not there
            return notFound();
        }
        if (found instanceof StaticRoot.Found.Directory) {
            if (!rawRest.isEmpty() && !slash) return redirectToSlash(request);
            if (index == null) return notFound();
            found = root.find(append(segments, index));
            if (!(found instanceof StaticRoot.Found.File)) return notFound();
        }
        if (found instanceof StaticRoot.Found.File f) return file(f.source(), false);
        if (spaFallback != null && wantsPage(request, segments)) {
            var fb = root.find(List.of(spaFallback));
            if (fb instanceof StaticRoot.Found.File f) return file(f.source(), true);
        }
        return notFound();
    }

    private Response file(FileSource src, boolean fallback) {
        var r = Response.status(200).body(src).header("X-Content-Type-Options", "nosniff");
        String cc = fallback ? "no-cache" : fingerprinted && fingerprinted(src.name()) ? IMMUTABLE : cacheControl;
        if (cc != null) r.header("Cache-Control", cc);
        return r;
    }

    /** {@code name.<8+ hex digits>.ext} or {@code name-<8+ hex digits>.ext}. */
    static boolean fingerprinted(String name) {
        int ext = name.lastIndexOf('.');
        if (ext <= 0) return false;
        int i = ext - 1, digits = 0;
        while (i >= 0 && Character.digit(name.charAt(i), 16) >= 0) {
            i--;
            digits++;
        }
        return digits >= 8 && i > 0 && (name.charAt(i) == '.' || name.charAt(i) == '-');
    }

    private static boolean wantsPage(Request request, List<String> segments) {
        if (!segments.isEmpty() && segments.get(segments.size() - 1).indexOf('.') >= 0) return false;
        for (String accept : request.headers("Accept")) if (accept.contains("text/html")) return true;
        return false;
    }

    private static List<String> append(List<String> segments, String name) {
        var out = new java.util.ArrayList<>(segments);
        out.add(name);
        return out;
    }

    private static Response redirectToSlash(Request request) {
        var view = (RequestView) request;
        String q = view.rawQuery();
        return Response.redirect(view.rawPath() + "/" + (q == null ? "" : "?" + q), 308);
    }

    private static Response notFound() {
        return Response.json(404, java.util.Map.of("detail", "Not Found"));
    }
}
