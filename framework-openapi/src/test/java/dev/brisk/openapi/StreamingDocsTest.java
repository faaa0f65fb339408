package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.EventStream;
import dev.brisk.Form;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.ServerSentEvent;
import dev.brisk.UploadFile;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import static dev.brisk.openapi.Docs.op;
import static org.assertj.core.api.Assertions.assertThat;

/** The document of event streams, streamed bodies, files and multipart uploads (FastAPI's shapes). */
class StreamingDocsTest {
    public record Tick(int n) {}

    public static class Routes {
        @Get("/ticks")
        public EventStream<Tick> ticks() {
            return EventStream.of(Stream.of());
        }

        @Post("/chat")
        public EventStream<String> chat() {
            return EventStream.of(Stream.of());
        }

        @Get("/raw-events")
        public Flow.Publisher<ServerSentEvent> raw() {
            return null;
        }

        @Get("/file")
        public Path file() {
            return null;
        }

        @Get("/bytes")
        public InputStream bytes() {
            return null;
        }

        @Get("/lines")
        public Stream<String> lines() {
            return null;
        }

        @Get("/rows")
        public Iterator<Tick> rows() {
            return null;
        }

        @Post("/upload")
        public String upload(UploadFile file, List<UploadFile> extras, Optional<UploadFile> cover, @Form @Size(max = 20) String note) {
            return "";
        }
    }

    static final JsonNode doc = Docs.of(new Routes());

    static JsonNode content(String path, String method, String code) {
        return op(doc, method, path).path("responses").path(code).path("content");
    }

    @Test
    void anEventStreamDocumentsOneEventWithItsDataSchema() {
        JsonNode sse = content("/ticks", "get", "200").path("text/event-stream");
        assertThat(sse.toString()).isEqualTo("{\"schema\":{\"type\":\"string\"},\"x-itemSchema\":{\"type\":\"object\",\"properties\":{"
                + "\"data\":{\"type\":\"string\",\"contentMediaType\":\"application/json\",\"contentSchema\":{\"$ref\":\"#/components/schemas/Tick\"}},"
                + "\"event\":{\"type\":\"string\"},\"id\":{\"type\":\"string\"},\"retry\":{\"type\":\"integer\",\"minimum\":0}},"
                + "\"required\":[\"data\"]}}");
        assertThat(doc.at("/components/schemas/Tick/properties/n/type").asText()).isEqualTo("integer");
        assertThat(content("/ticks", "get", "200").size()).isEqualTo(1);
    }

    @Test
    void textEventsAndRawEvents() {
        assertThat(content("/chat", "post", "200").at("/text~1event-stream/x-itemSchema/properties/data").toString())
                .isEqualTo("{\"type\":\"string\"}");
        JsonNode raw = content("/raw-events", "get", "200").at("/text~1event-stream/x-itemSchema");
        assertThat(raw.path("required").isMissingNode()).isTrue();
        assertThat(raw.at("/properties/data").toString()).isEqualTo("{\"type\":\"string\"}");
    }

    @Test
    void filesAndByteStreamsAreBinary() {
        for (String p : List.of("/file", "/bytes")) {
            assertThat(content(p, "get", "200").toString())
                    .isEqualTo("{\"application/octet-stream\":{\"schema\":{\"type\":\"string\",\"contentMediaType\":\"application/octet-stream\"}}}");
        }
    }

    @Test
    void textAndJsonLineStreams() {
        assertThat(content("/lines", "get", "200").toString()).isEqualTo("{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}");
        assertThat(content("/rows", "get", "200").toString())
                .isEqualTo("{\"application/jsonl\":{\"schema\":{\"type\":\"string\"},\"x-itemSchema\":{\"$ref\":\"#/components/schemas/Tick\"}}}");
    }

    @Test
    void uploadsAreMultipartWithBinaryFileFields() {
        JsonNode body = op(doc, "post", "/upload").path("requestBody");
        assertThat(body.path("required").asBoolean()).isTrue();
        JsonNode mt = body.path("content").path("multipart/form-data");
        assertThat(mt.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/Body_upload");
        JsonNode schema = doc.at("/components/schemas/Body_upload");
        assertThat(schema.at("/properties/file").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"binary\"}");
        assertThat(schema.at("/properties/extras").toString()).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"binary\"}}");
        assertThat(schema.at("/properties/cover").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"binary\"}");
        assertThat(schema.at("/properties/note/maxLength").asInt()).isEqualTo(20);
        assertThat(schema.path("required").toString()).isEqualTo("[\"file\",\"note\"]");
    }
}
