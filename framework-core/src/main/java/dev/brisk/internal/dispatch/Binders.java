package dev.brisk.internal.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.HttpException;
import dev.brisk.internal.binding.BodyReader;
import dev.brisk.internal.binding.ConversionException;
import dev.brisk.internal.binding.FlatRecordReader;
import dev.brisk.internal.binding.JsonTrees;
import dev.brisk.internal.binding.Loc;
import dev.brisk.internal.binding.Scalar;
import dev.brisk.internal.http.UrlEncoded;

import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamDef.Container;
import dev.brisk.internal.model.ParamKind;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The per-parameter binders, compiled from {@link ParamDef}s at startup. */
final class Binders {
    private Binders() {
    }

    /** Produces one argument; records problems in the exchange's errors and returns a placeholder. */
    abstract static class ArgBinder {
        final int index;

        ArgBinder(int index) {
            this.index = index;
        }

        abstract Object bind(Call ex) throws Throwable;
    }

    /** Binders for a method's parameters, in FastAPI's error order (dependencies first, then path, query ...). */
    static List<ArgBinder> compile(List<ParamDef> params, String[] pathNames, Runtime rt) {
        return params.stream().sorted((a, b) -> Integer.compare(ProviderRuntime.order(a.kind()), ProviderRuntime.order(b.kind())))
                .map(p -> of(p, pathNames, rt)).toList();
    }

    static ArgBinder of(ParamDef p, String[] pathNames, Runtime rt) {
        return switch (p.kind()) {
            case REQUEST -> new ArgBinder(p.index()) {
                @Override Object bind(Call ex) { return ex.request(); }
            };
            case RESPONSE -> new ArgBinder(p.index()) {
                @Override Object bind(Call ex) { return ex.responseParamCreate(); }
            };
            case BACKGROUND -> new ArgBinder(p.index()) {
                @Override Object bind(Call ex) { return ex.tasks(); }
            };
            case WEBSOCKET -> new ArgBinder(p.index()) {
                @Override Object bind(Call ex) { return WebSocketRoutes.session(ex); }
            };
            case DEPENDS -> new DependsBinder(p, rt.provider(p.dependency()), rt.overrides());
            case BODY -> new BodyBinder(p, rt.bodyReader(), rt);
            case PATH, QUERY, HEADER, COOKIE -> new TextBinder(p, pathNames);
            case FORM -> p.valueType() == dev.brisk.UploadFile.class ? new UploadBinder(p) : new TextBinder(p, pathNames);
        };
    }

    /** What binders need from the app. */
    interface Runtime {
        ProviderRuntime provider(dev.brisk.internal.model.ProviderDef def);

        Overrides overrides();

        BodyReader bodyReader();

        /** Jackson for the app: the factory at once, the mapper when first needed. */
        JsonSupport json();

        /** Called by a binder that reads what only the mapper can: the app then makes it at once. */
        void mapperNeeded();
    }

    // ------------------------------------------------------------------------------------ text values

    static final class TextBinder extends ArgBinder {
        private final ParamKind kind;
        private final String wire;
        private final Scalar scalar;
        private final Container container;
        private final boolean required;
        private final String defaultValue;
        private final Object defaultConverted;
        private final int pathIndex;
        private final Loc loc;

        TextBinder(ParamDef p, String[] pathNames) {
            super(p.index());
            this.kind = p.kind();
            this.wire = p.wireName();
            this.scalar = Scalar.of(p.valueType());
            this.container = p.container();
            this.required = p.required();
            this.defaultValue = p.defaultValue();
            Object dc = null;
            if (defaultValue != null) {
                try {
                    dc = scalar.fromString(defaultValue);
                } catch (ConversionException e) {
                    throw new IllegalStateException(e);
                }
            }
            this.defaultConverted = dc;
            int pi = -1;
            for (int i = 0; i < pathNames.length; i++) if (pathNames[i].equals(wire)) pi = i;
            this.pathIndex = pi;
            this.loc = Loc.root(kind.locRoot()).child(wire);
        }

        private String one(Call ex) {
            return switch (kind) {
                case PATH -> {
                    String v = pathIndex >= 0 ? ex.request().pathValue(pathIndex) : null;
                    yield v != null ? v : byName(ex);
                }
                case QUERY -> ex.request().queryValue(wire);
                case HEADER -> ex.request().headerValue(wire);
                case COOKIE -> ex.request().cookieValue(wire);
                case FORM -> form(ex).first(wire);
                default -> throw new IllegalStateException();
            };
        }

        private String byName(Call ex) {
            return ex.request().pathParam(wire).orElse(null);
        }

        private List<String> all(Call ex) {
            return switch (kind) {
                case QUERY -> ex.request().queryValues(wire);
                case HEADER -> ex.request().headerMap().getAll(wire);
                case COOKIE -> {
                    String v = ex.request().cookieValue(wire);
                    yield v == null ? List.of() : List.of(v);
                }
                case FORM -> form(ex).all(wire);
                default -> {
                    String v = one(ex);
                    yield v == null ? List.of() : List.of(v);
                }
            };
        }

        private static UrlEncoded form(Call ex) {
            if (ex.request().streamed() instanceof dev.brisk.internal.multipart.MultipartBody mp) return mp.fields();
            String ct = ex.request().headerValue(HttpHeaderNames.CONTENT_TYPE);
            if (ex.request().hasBody() && (ct == null || !ct.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33))) {
                throw new HttpException(415, "Unsupported Media Type: expected application/x-www-form-urlencoded or multipart/form-data, got "
                        + (ct == null ? "no Content-Type" : ct));
            }
            UrlEncoded form = ex.request().formParams();
            var limits = ex.forms();
            if (form.size() > limits.maxFields()) {
                throw new HttpException(413, "Request Entity Too Large: more than " + limits.maxFields() + " form fields");
            }
            for (int i = 0; i < form.size(); i++) {
                if (form.value(i).length() > limits.maxFieldSize()) {
                    throw new HttpException(413, "Request Entity Too Large: the form field '" + form.name(i) + "' is larger than "
                            + limits.maxFieldSize() + " bytes");
                }
            }
            return form;
        }

        @Override
        Object bind(Call ex) {
            if (container == Container.LIST || container == Container.SET) {
                List<String> raw = all(ex);
                if (raw.isEmpty() && defaultValue != null) raw = List.of(defaultValue);
                Collection<Object> out = container == Container.SET ? new LinkedHashSet<>() : new ArrayList<>(raw.size());
                for (int i = 0; i < raw.size(); i++) {
                    try {
                        out.add(scalar.fromString(raw.get(i)));
                    } catch (ConversionException e) {
                        ex.errors().add(e, loc.child(i), raw.get(i));
                    }
                }
                return container == Container.SET ? out : out;
            }
            String raw = one(ex);
            if (raw == null) {
                if (defaultValue != null) return container == Container.OPTIONAL ? Optional.of(defaultConverted) : defaultConverted;
                if (container == Container.OPTIONAL) return Optional.empty();
                ex.errors().missing(loc, null);
                return scalar.absent();
            }
            Object[] rawInputs = ex.rawInputs;
            if (rawInputs != null) rawInputs[index] = raw;
            try {
                Object v = scalar.fromString(raw);
                return container == Container.OPTIONAL ? Optional.of(v) : v;
            } catch (ConversionException e) {
                ex.errors().add(e, loc, raw);
                return container == Container.OPTIONAL ? Optional.empty() : scalar.absent();
            }
        }
    }

    // ------------------------------------------------------------------------------------ uploaded files

    /** {@code UploadFile}, {@code Optional<UploadFile>} or {@code List<UploadFile>} from a multipart body. */
    static final class UploadBinder extends ArgBinder {
        private final String wire;
        private final Container container;
        private final Loc loc;

        UploadBinder(ParamDef p) {
            super(p.index());
            this.wire = p.wireName();
            this.container = p.container();
            this.loc = Loc.root("body").child(wire);
        }

        @Override
        Object bind(Call ex) {
            List<dev.brisk.UploadFile> files;
            if (ex.request().streamed() instanceof dev.brisk.internal.multipart.MultipartBody mp) {
                files = mp.files(wire);
            } else {
                String ct = ex.request().headerValue(HttpHeaderNames.CONTENT_TYPE);
                if (ex.request().hasBody()) {
                    throw new HttpException(415, "Unsupported Media Type: expected multipart/form-data, got " + (ct == null ? "no Content-Type" : ct));
                }
                files = List.of();
            }
            return switch (container) {
                case LIST, SET -> files;
                case OPTIONAL -> files.isEmpty() ? Optional.empty() : Optional.of(files.get(0));
                case NONE -> {
                    if (files.isEmpty()) {
                        ex.errors().missing(loc, null);
                        yield null;
                    }
                    yield files.get(0);
                }
            };
        }
    }

    // ------------------------------------------------------------------------------------ JSON body

    static final class BodyBinder extends ArgBinder {
        private final BodyReader.Plan plan;
        private final FlatRecordReader fast;
        private final JsonSupport json;
        /** Made on the first body that needs a tree (the mapper may not be made before). */
        private volatile ObjectReader treeReader;
        private final boolean embed;
        private final boolean required;
        private final boolean optional;
        private final String wire;
        private final Loc loc;
        private final Loc embeddedLoc;

        BodyBinder(ParamDef p, BodyReader reader, Runtime rt) {
            super(p.index());
            var t = p.container() == Container.OPTIONAL ? BodyReader.Types.arg(p.type(), 0) : p.type();
            this.plan = reader.plan(t);
            this.json = rt.json();
            this.embed = p.embed();
            // One body of plain fields: read straight from the bytes when it is unremarkable (see FlatRecordReader).
            this.fast = embed ? null : FlatRecordReader.of(plan, json.factory());
            if (fast == null) rt.mapperNeeded();   // every body is read as a tree
            this.required = p.required();
            this.optional = p.container() == Container.OPTIONAL;
            this.wire = p.wireName();
            this.loc = embed ? Loc.root("body").child(wire) : Loc.root("body");
            this.embeddedLoc = Loc.root("body").child(wire);
        }

        private ObjectReader treeReader() {
            ObjectReader r = treeReader;
            if (r == null) treeReader = r = json.mapper().readerFor(JsonNode.class);
            return r;
        }

        static boolean isJson(String ct) {
            if (ct == null) return true;
            if (ct.regionMatches(true, 0, "application/json", 0, 16) && (ct.length() == 16 || ct.charAt(16) == ';')) {
                return true; // the common case, without allocating
            }
            int semi = ct.indexOf(';');
            String base = (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
            return base.equals("application/json") || base.startsWith("application/") && base.endsWith("+json");
        }

        /** Parses the body once per request; null when absent or malformed (the error is recorded). */
        private static void requireJson(Call ex) {
            String ct = ex.request().headerValue(HttpHeaderNames.CONTENT_TYPE);
            if (!isJson(ct)) {
                throw new HttpException(415, "Unsupported Media Type: expected application/json, got " + ct);
            }
        }

        private JsonNode tree(Call ex) {
            if (ex.jsonParsed) return ex.jsonBody;
            ex.jsonParsed = true;
            ex.jsonDeferred = null;
            if (!ex.request().hasBody()) return null;
            requireJson(ex);
            byte[] bytes = ex.request().bodyArray();
            try {
                JsonNode n = JsonTrees.read(treeReader(), bytes);
                if (n == null || n.isMissingNode()) {
                    ex.jsonBody = null;
                    return null;
                }
                ex.jsonBody = n;
                return n;
            } catch (JsonProcessingException e) {
                var where = e.getLocation();
                long offset = where == null ? 0 : where.getCharOffset() >= 0 ? where.getCharOffset() : Math.max(0, where.getByteOffset());
                String msg = e.getOriginalMessage();
                if (msg != null && msg.length() > 200) msg = msg.substring(0, 200);
                ex.errors().add("json_invalid", List.of("body", (int) offset), "JSON decode error", Map.of(),
                        Map.of("error", msg == null ? "invalid JSON" : msg));
                ex.jsonBody = null;
                ex.jsonInvalid = true;
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        Object bind(Call ex) {
            if (fast != null && !ex.jsonParsed && ex.request().hasBody() && !ex.embedsBodies()) {
                requireJson(ex);
                Object v = fast.read(ex.request().bodyArray());
                if (v != FlatRecordReader.FALLBACK) {
                    ex.jsonDeferred = json;
                    return optional ? Optional.of(v) : v;
                }
            }
            JsonNode root = tree(ex);
            if (ex.jsonInvalid) return null;
            // A route whose handler and dependencies take several bodies expects each under its name.
            boolean embed = this.embed || ex.embedsBodies();
            Loc loc = embed ? embeddedLoc : this.loc;
            JsonNode n = root;
            if (embed && root != null) {
                if (!(root instanceof ObjectNode)) {
                    if (!ex.errors().hasAt(List.of("body"))) {
                        ex.errors().add("model_attributes_type", List.of("body"), "Input should be a valid dictionary or object to extract fields from", root, Map.of());
                    }
                    return null;
                }
                n = root.get(wire);
            }
            if (n == null || n.isNull() && !optional) {
                if (n == null && !required) return optional ? Optional.empty() : null;
                if (n == null || required) {
                    ex.errors().missing(loc, embed && root != null ? root : null);
                    return null;
                }
            }
            if (n.isNull()) return Optional.empty();
            Object v = plan.read(n, loc, ex.errors());
            return optional ? Optional.ofNullable(v) : v;
        }
    }

    // ------------------------------------------------------------------------------------ dependencies

    static final class DependsBinder extends ArgBinder {
        private final ProviderRuntime provider;
        private final boolean useCache;
        private final Overrides overrides;
        private final boolean optionalWrap;

        DependsBinder(ParamDef p, ProviderRuntime provider, Overrides overrides) {
            super(p.index());
            this.provider = provider;
            this.useCache = p.useCache();
            this.overrides = overrides;
            this.optionalWrap = p.type() instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() == Optional.class;
        }

        @Override
        Object bind(Call ex) throws Throwable {
            Object v = provider.get(ex, useCache, overrides);
            if (v instanceof dev.brisk.internal.model.ProviderDef.Absent a) {   // e.g. no credentials for a security scheme
                if (optionalWrap) return Optional.empty();
                throw a.failure();
            }
            if (optionalWrap) {
                if (v instanceof Pending p) return new Pending(p.future().thenApply(Optional::ofNullable));
                return Optional.ofNullable(v);
            }
            return v;
        }
    }
}
