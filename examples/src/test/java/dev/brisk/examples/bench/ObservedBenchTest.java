package dev.brisk.examples.bench;

import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The measured variant of the bench app: the same answers, plus metrics, spans and health. */
class ObservedBenchTest {
    @Test
    void answersLikeTheBenchAppAndObservesEveryRequest() {
        var exporter = new ObservedBench.CountingExporter();
        var sdk = ObservedBench.sdk(exporter);
        try (var client = TestClient.of(ObservedBench.app(sdk))) {
            for (int i = 0; i < 3; i++) assertThat(client.get("/json").text()).isEqualTo("{\"message\":\"Hello, World!\"}");
            assertThat(client.get("/metrics").text())
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/json\"} 3");
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
        }
        // Closing the app closed the SDK, which flushed the batch: one span per request.
        assertThat(exporter.spans.sum()).isEqualTo(5);
    }
}
