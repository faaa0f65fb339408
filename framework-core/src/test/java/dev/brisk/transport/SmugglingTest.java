package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request smuggling: every framing RFC 9112 says to reject gets 400 and a close, and the bytes
 * after it are never read as another request (a smuggled request must not be answered).
 */
@ExtendWith(LeakCheck.class)
class SmugglingTest {
    static final String SMUGGLED = get("/json");
    @RegisterExtension
    static final SharedServer server = new SharedServer(new TestRoutes());

    /** Expects exactly one response, a 400 with Connection: close, and then EOF (no answer to the smuggled request). */
    static void exactlyOne400(String request) {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(request);
            assertThat(r.status()).as(request).isEqualTo(400);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).as("nothing after the 400").isTrue();
        }
    }

    @Test
    void transferEncodingWithContentLength() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void contentLengthAfterTransferEncoding() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 40\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip, chunked", "chunked, identity", "identity", "gzip", "chunked, chunked", "chunked,", ",chunked",
            "xchunked", "chunked;q=1", "chunked\u000b", "\"chunked\""})
    void transferEncodingOtherThanOneChunked(String te) {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: " + te + "\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void twoTransferEncodingHeaders() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void transferEncodingThenIdentity() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void transferEncodingInHttp10() {
        exactlyOne400("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void obsFoldIsRejected() {
        exactlyOne400("GET /hello HTTP/1.1\r\nHost: t\r\nX-Folded: a\r\n b\r\n\r\n" + SMUGGLED);
    }

    @Test
    void obsFoldWithTabIsRejected() {
        exactlyOne400("GET /hello HTTP/1.1\r\nHost: t\r\nX-Folded: a\r\n\tb\r\n\r\n" + SMUGGLED);
    }

    @Test
    void obsFoldedTransferEncodingIsRejected() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void whitespaceBeforeTheFirstHeaderIsRejected() {
        exactlyOne400("GET /hello HTTP/1.1\r\n Host: t\r\n\r\n" + SMUGGLED);
    }

    @Test
    void spaceBeforeColonInTransferEncodingIsRejected() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void bareLineFeedChunkFramingIsRejected() {
        exactlyOne400("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\n0\n\n" + SMUGGLED);
    }

    @Test
    void bareLineFeedHeadersAreRejected() {
        exactlyOne400("GET /hello HTTP/1.1\nHost: t\n\n" + SMUGGLED);
    }

    @Test
    void validChunkedBodyThenPipelinedRequestIsAnsweredTwice() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n" + SMUGGLED);
            assertThat(c.read().text()).isEqualTo("abc");
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void upperCaseChunkedIsAccepted() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
        }
    }
}
