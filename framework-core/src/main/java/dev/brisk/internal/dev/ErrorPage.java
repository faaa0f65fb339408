package dev.brisk.internal.dev;

import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why a reload failed, as dev mode shows it: a title ("Compilation failed", "Startup failed") and
 * the compiler's diagnostics or the exception with its causes. HTML for a browser, plain text
 * otherwise; status 500, never cached.
 */
record ErrorPage(String title, String details) {
    static ErrorPage compile(String diagnostics) {
        return new ErrorPage("Compilation failed", diagnostics);
    }

    static ErrorPage startup(Throwable t) {
        var out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return new ErrorPage("Startup failed", out.toString());
    }

    /** The one-line form, for the log's first line. */
    String summary() {
        String first = details.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return title + (first.isEmpty() ? "" : ": " + first);
    }

    Reply reply(RequestView request) {
        boolean html = request.header("accept").map(a -> a.contains("text/html")).orElse(false);
        String intro = "The last change did not reload; the app serves the generation before it until the next change fixes this."
                + " Only this request shows this page.";
        Reply r = html
                ? Replies.text(request.connection().alloc(), 500, "text/html; charset=utf-8", html(intro))
                : Replies.text(request.connection().alloc(), 500, Replies.TEXT, "Brisk dev mode: " + title + "\n" + intro + "\n\n" + details);
        r.addHeader(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return r;
    }

    private String html(String intro) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + " - Brisk dev mode</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{color:#b00020;font-size:1.4em}"
                + "pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:.9em;line-height:1.35}</style></head><body>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(intro) + "</p><pre>" + escape(details) + "</pre></body></html>\n";
    }

    static String escape(String s) {
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
