package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import dev.brisk.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An exception the app answers with 500 is re-thrown in the test, unless the client is told otherwise. */
class TestClientServerExceptionsTest {
    static final class Handled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    record Db(String name) {
    }

    public static class Routes {
        @Get("/unchecked")
        public String unchecked() {
            throw new IllegalStateException("boom");
        }

        @Get("/checked")
        public String checked() throws IOException {
            throw new IOException("disk on fire");
        }

        @Get("/error")
        public String error() {
            throw new StackOverflowError("deep");
        }

        @Get("/async")
        public CompletableFuture<String> async() {
            return CompletableFuture.failedFuture(new IllegalArgumentException("async boom"));
        }

        @Get("/dependency")
        public String dependency(@Depends Db db) {
            return db.name();
        }

        @Get("/http-500")
        public String http500() {
            throw new HttpException(500, "on purpose");
        }

        @Get("/response-500")
        public Response response500() {
            return Response.json(500, java.util.Map.of("detail", "built"));
        }

        @Get("/handled")
        public String handled() {
            throw new Handled();
        }

        @Get("/ok")
        public String ok() {
            return "ok";
        }

        @Provides
        public Db db() {
            throw new UnsupportedOperationException("no database in tests");
        }
    }

    static App app() {
        return App.builder().include(new Routes())
                .exceptionHandler(Handled.class, (e, req) -> Response.json(500, java.util.Map.of("detail", "handled")))
                .build();
    }

    @Test
    void anUncheckedExceptionIsRethrownAsItIs() {
        try (var client = TestClient.of(app())) {
            Throwable t = catchThrowable(() -> client.get("/unchecked"));
            assertThat(t).isExactlyInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(t.getStackTrace()[0].getMethodName()).isEqualTo("unchecked");
        }
    }

    @Test
    void aCheckedExceptionIsWrappedWithItAsCause() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.get("/checked"))
                    .isInstanceOf(ServerException.class)
                    .hasMessageContaining("GET /checked")
                    .cause().isExactlyInstanceOf(IOException.class).hasMessage("disk on fire");
        }
    }

    @Test
    void anErrorIsRethrownAsItIs() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.get("/error")).isExactlyInstanceOf(StackOverflowError.class).hasMessage("deep");
        }
    }

    @Test
    void failuresOfFuturesAndDependenciesAreRethrown() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.get("/async")).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("async boom");
            assertThatThrownBy(() -> client.get("/dependency")).isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("no database in tests");
        }
    }

    @Test
    void deliberate500sAreReturnedNotThrown() {
        try (var client = TestClient.of(app())) {
            assertThat(client.get("/http-500")).hasStatus(500).hasJsonBody("{'detail': 'on purpose'}");
            assertThat(client.get("/response-500")).hasStatus(500).hasJsonBody("{'detail': 'built'}");
            assertThat(client.get("/handled")).hasStatus(500).hasJsonBody("{'detail': 'handled'}");
        }
    }

    @Test
    void theClientKeepsWorkingAfterARethrownException() {
        try (var client = TestClient.of(app())) {
            assertThatThrownBy(() -> client.get("/unchecked")).isInstanceOf(IllegalStateException.class);
            assertThat(client.get("/ok")).hasStatus(200).hasText("ok");
            assertThat(client.get("/http-500")).hasStatus(500);
        }
    }

    @Test
    void withRaiseServerExceptionsOffThe500IsReturned() {
        var options = TestClient.Options.defaults().raiseServerExceptions(false);
        try (var client = TestClient.of(app(), options)) {
            for (String path : new String[] {"/unchecked", "/checked", "/error", "/async", "/dependency"}) {
                assertThat(client.get(path)).hasStatus(500).hasJsonBody("{\"detail\": \"Internal Server Error\"}");
            }
        }
    }

    @Test
    void aFailingRequestOfOneClientDoesNotLeakIntoAnotherOnTheSameApp() {
        var app = app();
        var first = TestClient.of(app);
        try (var second = TestClient.of(app)) {
            assertThatThrownBy(() -> first.get("/unchecked")).isInstanceOf(IllegalStateException.class);
            assertThat(second.get("/http-500")).hasStatus(500);
            first.close();
            assertThatThrownBy(() -> second.get("/checked")).isInstanceOf(ServerException.class);
        } finally {
            first.close();
        }
    }
}
