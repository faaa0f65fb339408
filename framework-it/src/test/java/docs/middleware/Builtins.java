package docs.middleware;

import dev.brisk.*;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The snippets of each built-in middleware's section. */
public class Builtins {
    static Middleware cors() {
        return Cors.allowOrigins("https://app.example.com", "https://*.example.org", "http://localhost:*")
                .allowMethods("GET", "POST", "DELETE")
                .allowHeaders("Authorization", "X-Token")
                .exposeHeaders("X-Total-Count")
                .allowCredentials(true)
                .maxAge(Duration.ofHours(1));
    }

    static Middleware gzip() {
        return GZip.minimumSize(2048)   // default 1024 bytes
                .level(4);              // 1 (fastest) to 9 (smallest), default 6
    }

    static Middleware trustedHost() {
        return TrustedHost.of("example.com", "*.example.com", "localhost", "127.0.0.1", "::1");
    }

    static Middleware httpsRedirect() {
        return HttpsRedirect.behindProxies("10.0.0.0/8", "127.0.0.1")   // the TLS-terminating proxies
                .httpsPort(443);
    }

    static Middleware accessLog() {
        return AccessLog.create();      // or AccessLog.create().logger("shop.access")
    }

    private static final Logger LOG = LoggerFactory.getLogger(Builtins.class);

    @Get("/orders/{id}")
    public Map<String, Object> order(int id, Request request) {
        String requestId = RequestId.of(request).orElse("-");
        LOG.info("loading order {} (request {})", id, requestId);
        return Map.of("id", id, "request", requestId);
    }
}
