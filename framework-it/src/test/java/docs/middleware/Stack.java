package docs.middleware;

import dev.brisk.*;
import java.util.Map;

public class Stack {
    @Get("/items/{id}")
    public Map<String, Integer> item(int id) {
        return Map.of("id", id);
    }

    public static App app() {
        return App.builder()
                .middleware(
                        AccessLog.create(),                                // first: logs every answer as it is sent
                        RequestId.create(),                                // an id on every answer, refusals included
                        TrustedHost.of("example.com", "*.example.com"),    // any other Host: 400
                        HttpsRedirect.behindProxies("10.0.0.0/8"),         // plain HTTP: 308 to https://
                        Cors.allowOrigins("https://app.example.com")       // CORS headers on every answer, errors too
                                .allowCredentials(true),
                        GZip.create())                                     // compresses what the routes produce
                .include(new Stack())
                .build();
    }
}
