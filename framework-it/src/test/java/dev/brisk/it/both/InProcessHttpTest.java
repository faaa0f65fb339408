package dev.brisk.it.both;

import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link HttpContract} through the TestClient (Netty's in-VM transport). */
class InProcessHttpTest extends HttpContract {
    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(app(), TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Override
    Res call(String method, String path, String body) {
        var req = client.request(method, path);
        if (body != null) req.jsonText(body);
        var r = req.send();
        return new Res(r.status(), r.headers(), r.text());
    }
}
