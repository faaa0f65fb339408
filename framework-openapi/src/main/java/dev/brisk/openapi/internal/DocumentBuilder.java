package dev.brisk.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.Response;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.model.ParamDef;
import dev.brisk.internal.model.ParamDef.Container;
import dev.brisk.internal.model.ParamKind;
import dev.brisk.internal.model.ResponseDoc;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI document of one app: a pure function of its route model and API info, like
 * FastAPI's {@code get_openapi}.
 */
public final class DocumentBuilder {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String VALIDATION_ERROR = "ValidationError";
    static final String HTTP_VALIDATION_ERROR = "HTTPValidationError";
    static final String HTTP_ERROR = "HTTPError";

    private final RouteModel model;
    private final ApiInfo settings;
    private final ObjectMapper mapper;
    private final Schemas schemas;
    private final Map<String, Schema> extraSchemas = new TreeMap<>();
    private final List<DocumentContributor> contributors;
    private boolean usesValidationError;
    private boolean usesHttpError;

    public DocumentBuilder(RouteModel model, ApiInfo settings, ObjectMapper mapper) {
        this(model, settings, mapper, DocumentContributor.all());
    }

    DocumentBuilder(RouteModel model, ApiInfo settings, ObjectMapper mapper, List<DocumentContributor> contributors) {
        this.model = model;
        this.settings = settings;
        this.mapper = mapper;
        this.schemas = new Schemas(mapper);
        this.contributors = contributors;
    }

    public OpenAPI build() {
        var doc = new OpenAPI(SpecVersion.V31).openapi("3.1.0");
        var info = new Info().title(settings.title()).version(settings.version());
        if (!settings.description().isEmpty()) info.description(settings.description());
        doc.info(info);
        // No servers means "/" (OAS 3.1 4.8.1): saying it keeps linters and generators from guessing.
        var servers = settings.servers().isEmpty() ? List.of("/") : settings.servers();
        for (String url : servers) doc.addServersItem(new Server().url(url));

        var routes = model.routes().stream().filter(r -> !r.doc().hidden()).toList();
        var ids = OperationIds.assign(routes);
        var paths = new Paths();
        for (RouteDef r : routes) {
            String path = OperationIds.openApiPath(r);
            PathItem item = paths.computeIfAbsent(path, k -> new PathItem());
            Operation op = operation(r, ids.get(r));
            item.operation(PathItem.HttpMethod.valueOf(r.httpMethod().toUpperCase(Locale.ROOT)), op);
            for (var c : contributors) c.operation(r, op, doc);
        }
        doc.paths(paths);

        var all = new TreeMap<String, Schema>(schemas.components());
        all.putAll(extraSchemas);
        if (usesValidationError) {
            all.put(HTTP_VALIDATION_ERROR, httpValidationError());
            all.put(VALIDATION_ERROR, validationError());
        }
        if (usesHttpError) all.put(HTTP_ERROR, httpError());
        var components = new Components();
        if (!all.isEmpty()) components.schemas(new LinkedHashMap<>(all));
        doc.components(components);
        for (var c : contributors) c.document(doc);
        if (isEmpty(doc.getComponents())) doc.components(null);
        return doc;
    }

    private static boolean isEmpty(Components c) {
        return c == null || (c.getSchemas() == null || c.getSchemas().isEmpty()) && (c.getSecuritySchemes() == null || c.getSecuritySchemes().isEmpty());
    }

    // ------------------------------------------------------------------------------------ operations

    private Operation operation(RouteDef r, String operationId) {
        var op = new Operation();
        if (!r.doc().tags().isEmpty()) op.tags(new ArrayList<>(r.doc().tags()));
        op.summary(!r.doc().summary().isEmpty() ? r.doc().summary() : OperationIds.titleCase(OperationIds.implicitName(r)));
        if (!r.doc().description().isEmpty()) op.description(r.doc().description());
        op.operationId(operationId);
        if (r.doc().deprecated()) op.deprecated(true);

        List<ParamDef> wire = wireParams(r);
        for (ParamDef p : wire) {
            if (p.credential() && p.kind() != ParamKind.FORM) continue;   // described by its security scheme (see SecurityContributor)
            if (p.kind() == ParamKind.PATH || p.kind() == ParamKind.QUERY || p.kind() == ParamKind.HEADER || p.kind() == ParamKind.COOKIE) {
                op.addParametersItem(parameter(p));
            }
        }
        var body = requestBody(wire, operationId);
        if (body != null) op.requestBody(body);
        // A scheme's header, query parameter or cookie never answers 422 (without it: 401).
        op.responses(responses(r, wire.stream().anyMatch(p -> !p.credential() || p.kind() == ParamKind.FORM)));
        return op;
    }

    /**
     * The handler's own wire parameters, then those its dependencies add (FastAPI's flat dependant
     * order), each once; grouped path, query, header, cookie, body.
     */
    private static List<ParamDef> wireParams(RouteDef r) {
        var out = new ArrayList<ParamDef>();
        var seen = new HashSet<String>();
        for (ParamDef p : r.params()) if (p.kind().isWire() && seen.add(key(p))) out.add(p);
        for (ParamDef p : r.allWireParams()) if (seen.add(key(p))) out.add(p);
        out.sort(Comparator.comparingInt(p -> p.kind().ordinal()));
        return out;
    }

    private static String key(ParamDef p) {
        return p.kind() + ":" + p.wireName();
    }

    private Parameter parameter(ParamDef p) {
        var param = new Parameter()
                .name(p.wireName())
                .in(p.kind().name().toLowerCase(Locale.ROOT))
                .required(p.kind() == ParamKind.PATH || p.required())
                .schema(valueSchema(p));
        if (p.element() != null && p.element().isAnnotationPresent(Deprecated.class)) param.deprecated(true);
        return param;
    }

    /** The schema of a path, query, header, cookie or form value: type, constraints and default. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> valueSchema(ParamDef p) {
        Schema item = schemas.inline(p.valueType());
        boolean many = p.container() == Container.LIST || p.container() == Container.SET;
        Schema s = item;
        if (many) {
            s = new JsonSchema().typesItem("array").items(item);
            if (p.container() == Container.SET) s.uniqueItems(true);
        }
        // Constraints on the type argument: List<@Min(1) Integer>, Optional<@Size(min = 3) String>.
        if (p.container() != Container.NONE && p.element() != null
                && p.element().getAnnotatedType() instanceof AnnotatedParameterizedType apt) {
            Constraints.apply(item, apt.getAnnotatedActualTypeArguments()[0].getAnnotations());
        }
        if (p.element() != null) Constraints.apply(s, p.element().getAnnotations());
        if (p.defaultValue() != null) {
            Object v = defaultValue(p.valueType(), p.defaultValue());
            s.setDefault(many ? List.of(v) : v);
        }
        return s;
    }

    /** The default as the JSON value the binder would produce ({@code "10"} -> {@code 10}). */
    private Object defaultValue(Class<?> type, String raw) {
        return Schemas.textDefault(mapper, type, raw);
    }

    // ------------------------------------------------------------------------------------ bodies

    @SuppressWarnings({"rawtypes", "unchecked"})
    private RequestBody requestBody(List<ParamDef> wire, String operationId) {
        var forms = wire.stream().filter(p -> p.kind() == ParamKind.FORM).toList();
        var bodies = wire.stream().filter(p -> p.kind() == ParamKind.BODY).toList();
        if (!forms.isEmpty()) {
            var obj = new JsonSchema().typesItem("object").title("Body_" + operationId);
            var required = new ArrayList<String>();
            boolean files = false;
            for (ParamDef f : forms) {
                boolean upload = StreamingDocs.isUpload(f);
                files |= upload;
                Schema<?> field = upload ? StreamingDocs.uploadSchema(f) : valueSchema(f);
                if (f.credential()) field.format("password");   // a secret: UIs mask it, as FastAPI's password form does
                obj.addProperty(f.wireName(), field);
                if (f.required()) required.add(f.wireName());
            }
            Schemas.required(obj, required);
            return body(files ? StreamingDocs.MULTIPART : FORM, named("Body_" + operationId, obj), !required.isEmpty());
        }
        if (bodies.isEmpty()) return null;
        if (bodies.size() == 1 && !bodies.get(0).embed()) {
            ParamDef b = bodies.get(0);
            return body(JSON, bodySchema(b), b.required());
        }
        // Several bodies, or one with embed: an object with one property per body (FastAPI's Body_<operationId>).
        var obj = new JsonSchema().typesItem("object").title("Body_" + operationId);
        var required = new ArrayList<String>();
        for (ParamDef b : bodies) {
            obj.addProperty(b.wireName(), bodySchema(b));
            if (b.required()) required.add(b.wireName());
        }
        Schemas.required(obj, required);
        return body(JSON, named("Body_" + operationId, obj), !required.isEmpty());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> bodySchema(ParamDef b) {
        Type t = b.container() == Container.OPTIONAL ? Types.arg(b.type(), 0) : b.type();
        Schema s = schemas.of(t);
        if (s.get$ref() == null && b.element() != null) Constraints.apply(s, b.element().getAnnotations());
        return s;
    }

    private Schema<?> named(String name, Schema<?> schema) {
        extraSchemas.put(name, schema);
        return Schemas.ref(name);
    }

    private static RequestBody body(String mediaType, Schema<?> schema, boolean required) {
        var rb = new RequestBody().content(new Content().addMediaType(mediaType, new MediaType().schema(schema)));
        if (required) rb.required(true);
        return rb;
    }

    // ------------------------------------------------------------------------------------ responses

    private ApiResponses responses(RouteDef r, boolean validates) {
        var responses = new ApiResponses();
        Type result = r.resultType();
        boolean optional = Types.raw(result) == Optional.class;
        if (optional) result = Types.arg(result, 0);
        var ok = new ApiResponse().description("Successful Response");
        Content content = bodyless(r.status()) ? null : resultContent(result);
        if (content != null) ok.content(content);
        responses.addApiResponse(String.valueOf(r.status()), ok);
        // The others in status order: those Brisk answers by itself, replaced by the route's own declarations.
        var others = new TreeMap<Integer, ApiResponse>();
        if (optional) {
            others.put(404, new ApiResponse().description("Not Found")
                    .content(new Content().addMediaType(JSON, new MediaType().schema(detailSchema()))));
        }
        if (validates) {
            usesValidationError = true;
            others.put(422, new ApiResponse().description("Validation Error")
                    .content(new Content().addMediaType(JSON, new MediaType().schema(Schemas.ref(HTTP_VALIDATION_ERROR)))));
        }
        for (ResponseDoc d : r.doc().responses()) others.put(d.status(), declared(d));
        others.forEach((status, response) -> responses.addApiResponse(String.valueOf(status), response));
        return responses;
    }

    /** A {@code @Responds}: its model's schema, or for an error without one the body HttpException sends. */
    private ApiResponse declared(ResponseDoc d) {
        var response = new ApiResponse().description(d.description());
        Schema<?> schema = null;
        if (d.model() != null) {
            schema = schemas.of(d.model());
        } else if (d.status() >= 400) {
            usesHttpError = true;
            schema = Schemas.ref(HTTP_ERROR);
        }
        if (schema != null && !bodyless(d.status())) response.content(new Content().addMediaType(JSON, new MediaType().schema(schema)));
        return response;
    }

    private static boolean bodyless(int status) {
        return status < 200 || status == 204 || status == 205 || status == 304;
    }

    /** What the responder sends for a value of this type. */
    private Content resultContent(Type result) {
        Class<?> raw = Types.raw(result);
        if (raw == Void.class || raw == void.class || raw == Response.class) return null;
        Content streamed = StreamingDocs.content(result, schemas);
        if (streamed != null) return streamed;
        if (raw == String.class) {
            return new Content().addMediaType("text/plain", new MediaType().schema(new JsonSchema().typesItem("string")));
        }
        if (raw == byte[].class) {
            return new Content().addMediaType("application/octet-stream",
                    new MediaType().schema(new JsonSchema().typesItem("string").contentMediaType("application/octet-stream")));
        }
        Schema<?> schema = raw == Object.class || JsonNode.class.isAssignableFrom(raw) ? new JsonSchema() : schemas.of(result);
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }

    private static Schema<?> detailSchema() {
        return new JsonSchema().typesItem("object")
                .addProperty("detail", new JsonSchema().typesItem("string"))
                .required(List.of("detail"));
    }

    /** What {@code HttpException} sends: {@code {"detail": ...}}, the detail being any JSON value (usually a string). */
    private static Schema<?> httpError() {
        return new JsonSchema().typesItem("object").title(HTTP_ERROR)
                .addProperty("detail", new JsonSchema().title("Detail")
                        .description("The HttpException's detail: a string, unless the route sends another JSON value"))
                .required(List.of("detail"));
    }

    /** FastAPI 0.1xx's {@code HTTPValidationError}. */
    private static Schema<?> httpValidationError() {
        return new JsonSchema().typesItem("object").title(HTTP_VALIDATION_ERROR)
                .addProperty("detail", new JsonSchema().typesItem("array").title("Detail").items(Schemas.ref(VALIDATION_ERROR)));
    }

    /** FastAPI 0.1xx's {@code ValidationError}: the shape of every 422 entry Brisk sends. */
    private static Schema<?> validationError() {
        return new JsonSchema().typesItem("object").title(VALIDATION_ERROR)
                .addProperty("loc", new JsonSchema().typesItem("array").title("Location")
                        .items(new JsonSchema().anyOf(List.of(new JsonSchema().typesItem("string"), new JsonSchema().typesItem("integer")))))
                .addProperty("msg", new JsonSchema().typesItem("string").title("Message"))
                .addProperty("type", new JsonSchema().typesItem("string").title("Error Type"))
                .addProperty("input", new JsonSchema().title("Input"))
                .addProperty("ctx", new JsonSchema().typesItem("object").title("Context"))
                .required(List.of("loc", "msg", "type"));
    }
}
