package dev.brisk.openapi.internal;

import dev.brisk.EventStream;
import dev.brisk.ServerSentEvent;
import dev.brisk.UploadFile;
import dev.brisk.internal.binding.BodyReader.Types;
import dev.brisk.internal.model.ParamDef;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.BaseStream;

/**
 * The documents of what is not a JSON body: event streams ({@code text/event-stream} with the schema
 * of one event, FastAPI's), streams of JSON lines, text and bytes, files, and multipart file fields
 * ({@code format: binary}).
 */
final class StreamingDocs {
    static final String MULTIPART = "multipart/form-data";

    private StreamingDocs() {
    }

    /**
     * A sequential media type: the body as a string, and each item's schema under {@code x-itemSchema}.
     * (OpenAPI 3.2 names it {@code itemSchema}, as FastAPI writes it; a 3.1 document may carry it only as an extension.)
     */
    private static MediaType items(Schema<?> item) {
        var m = new MediaType().schema(new JsonSchema().typesItem("string"));
        m.addExtension("x-itemSchema", item);
        return m;
    }

    /** The content of a streamed result type, or null when it is not one. */
    static Content content(Type result, Schemas schemas) {
        Class<?> raw = Types.raw(result);
        if (raw == EventStream.class) return events(element(result), schemas);
        if (raw == java.nio.file.Path.class || InputStream.class.isAssignableFrom(raw)) return octets();
        if (Iterator.class.isAssignableFrom(raw) || BaseStream.class.isAssignableFrom(raw) || Flow.Publisher.class.isAssignableFrom(raw)) {
            Type e = element(result);
            Class<?> er = e == null ? Object.class : Types.raw(e);
            if (Flow.Publisher.class.isAssignableFrom(raw) && er == ServerSentEvent.class) return events(null, schemas);
            if (er == String.class || er == CharSequence.class) {
                return new Content().addMediaType("text/plain", new MediaType().schema(new JsonSchema().typesItem("string")));
            }
            if (er == Object.class || er == byte[].class || er == ByteBuffer.class) return octets();
            return new Content().addMediaType("application/jsonl", items(schemas.of(e)));
        }
        return null;
    }

    private static Type element(Type t) {
        return t instanceof java.lang.reflect.ParameterizedType ? Types.arg(t, 0) : null;
    }

    private static Content octets() {
        return new Content().addMediaType("application/octet-stream",
                new MediaType().schema(new JsonSchema().typesItem("string").contentMediaType("application/octet-stream")));
    }

    /** FastAPI's event schema: data (JSON of the payload type), event, id, retry. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Content events(Type payload, Schemas schemas) {
        Class<?> p = payload == null ? Object.class : Types.raw(payload);
        Schema data = new JsonSchema().typesItem("string");
        boolean typed = p != Object.class && p != ServerSentEvent.class;
        if (typed && p != String.class && p != CharSequence.class) {
            data.contentMediaType("application/json").contentSchema(schemas.of(payload));
        }
        Schema event = new JsonSchema().typesItem("object")
                .addProperty("data", data)
                .addProperty("event", new JsonSchema().typesItem("string"))
                .addProperty("id", new JsonSchema().typesItem("string"))
                .addProperty("retry", new JsonSchema().typesItem("integer").minimum(java.math.BigDecimal.ZERO));
        if (typed) event.required(List.of("data"));
        return new Content().addMediaType("text/event-stream", items(event));
    }

    /** Whether a form parameter is a file. */
    static boolean isUpload(ParamDef p) {
        return p.valueType() == UploadFile.class;
    }

    /** {@code {"type":"string","format":"binary"}}, or an array of them for {@code List<UploadFile>}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> uploadSchema(ParamDef p) {
        Schema file = new JsonSchema().typesItem("string").format("binary");
        if (p.container() == ParamDef.Container.LIST || p.container() == ParamDef.Container.SET) {
            return new JsonSchema().typesItem("array").items(file);
        }
        return file;
    }
}
