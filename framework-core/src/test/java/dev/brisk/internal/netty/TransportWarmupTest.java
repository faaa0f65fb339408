package dev.brisk.internal.netty;

import dev.brisk.transport.LeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up warm-up really runs a request through the decoder and a response through the encoder, leaking nothing. */
@ExtendWith(LeakCheck.class)
class TransportWarmupTest {

    @Test
    void decodesARequestAndEncodesAResponse() {
        String seen = TransportWarmup.exercise();
        assertThat(seen).startsWith("GET /warmup?q=1\nHTTP/1.1 200 OK\r\n")
                .contains("content-type: application/json\r\n", "content-length: 2\r\n", "date: ")
                .endsWith("\r\n\r\n{}");
    }
}
