package dev.brisk.internal.routing;

import java.util.ArrayList;
import java.util.List;

/** A parsed path template: static segments, {@code {name}} and a trailing {@code {name:path}}. */
public record PathTemplate(String source, List<Segment> segments) {

    /** One segment; {@code param} is null for static segments. */
    public record Segment(String text, String param, boolean rest) {
    }

    public static PathTemplate parse(String template) {
        if (template.isEmpty() || template.charAt(0) != '/') {
            throw new IllegalArgumentException("path must start with '/': \"" + template + "\"");
        }
        var segs = new ArrayList<Segment>();
        String[] parts = template.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                String inner = p.substring(1, p.length() - 1);
                boolean rest = false;
                int colon = inner.indexOf(':');
                if (colon >= 0) {
                    String conv = inner.substring(colon + 1);
                    if (!conv.equals("path")) {
                        throw new IllegalArgumentException("unknown path converter '" + conv + "' in \"" + template + "\" (only {name:path} is supported)");
                    }
                    if (i != parts.length - 1) {
                        throw new IllegalArgumentException("{" + inner + "} must be the last segment of \"" + template + "\"");
                    }
                    inner = inner.substring(0, colon);
                    rest = true;
                }
                if (!inner.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("bad path parameter name '" + inner + "' in \"" + template + "\"");
                }
                segs.add(new Segment(p, inner, rest));
            } else {
                if (p.contains("{") || p.contains("}")) {
                    throw new IllegalArgumentException("a path parameter must be a whole segment: \"" + template + "\"");
                }
                segs.add(new Segment(p, null, false));
            }
        }
        return new PathTemplate(template, List.copyOf(segs));
    }

    public List<String> paramNames() {
        var out = new ArrayList<String>();
        for (var s : segments) if (s.param != null) out.add(s.param);
        return out;
    }

    /** The template with parameter names erased, to find duplicates ({@code /a/{x}} == {@code /a/{y}}). */
    public String shape() {
        var sb = new StringBuilder();
        for (var s : segments) sb.append('/').append(s.param == null ? s.text : s.rest ? "{*}" : "{}");
        return sb.toString();
    }

    /** The OpenAPI form: {@code {name:path}} shown as {@code {name}}. */
    public String openApiPath() {
        var sb = new StringBuilder();
        for (var s : segments) sb.append('/').append(s.param == null ? s.text : "{" + s.param + "}");
        return sb.toString();
    }
}
