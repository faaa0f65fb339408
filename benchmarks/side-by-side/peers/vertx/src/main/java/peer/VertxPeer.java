package peer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The six side-by-side routes on Vert.x Web, written as a Vert.x user would: one {@link Server} verticle
 * instance per available core (each on its own event loop, all sharing the port), the native transport,
 * {@code blockingHandler} for the blocking route and a timer for the non-blocking one.
 *
 * <p>Usage: {@code java -jar vertx-peer.jar --port N [--host 127.0.0.1] [--instances N]}.
 */
public final class VertxPeer {
    private VertxPeer() {
    }

    public static void main(String[] args) {
        int port = -1;
        String host = "127.0.0.1";
        int instances = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) throw new IllegalArgumentException(args[i] + " needs a value");
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--host" -> host = value;
                case "--instances" -> instances = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: --port N [--host H] [--instances N])");
            }
            i++;
        }
        if (port < 0) throw new IllegalArgumentException("--port is required");

        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        if (!vertx.isNativeTransportEnabled()) {
            System.err.println("vertx-peer: native transport unavailable: " + vertx.unavailableNativeTransportCause());
        }
        String h = host;
        int p = port;
        int n = instances;
        vertx.deployVerticle(() -> new Server(h, p), new DeploymentOptions().setInstances(n))
                .onSuccess(id -> System.out.println("vertx-peer listening on http://" + h + ":" + p + " (" + n
                        + " verticle instance(s), native transport " + vertx.isNativeTransportEnabled()
                        + ", Netty " + io.netty.util.Version.identify().get("netty-codec-http").artifactVersion()
                        + ")"))
                .onFailure(e -> {
                    e.printStackTrace();
                    vertx.close();
                    System.exit(1);
                });
    }

    /** One HTTP server per instance; Vert.x balances the shared port's connections over the instances. */
    static final class Server extends VerticleBase {
        private static final String MESSAGE = "Hello, World!";
        private static final Buffer PLAINTEXT = Buffer.buffer(MESSAGE);
        private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=utf-8");
        private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

        private final String host;
        private final int port;

        Server(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            Router router = Router.router(vertx);
            router.get("/plaintext").handler(ctx -> ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
                    .end(PLAINTEXT));
            router.get("/json").handler(ctx -> json(ctx, 200, new JsonObject().put("message", MESSAGE)));
            router.get("/items/:id").handler(Server::item);
            router.post("/items").handler(BodyHandler.create().setBodyLimit(1 << 20)).handler(Server::create);
            // ordered = false: concurrent requests sleep on as many worker threads as the pool has
            router.get("/sync-sleep").blockingHandler(ctx -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ctx.fail(e);
                    return;
                }
                json(ctx, 200, new JsonObject().put("result", "sync"));
            }, false);
            router.get("/async-sleep").handler(ctx ->
                    vertx.setTimer(100, t -> json(ctx, 200, new JsonObject().put("result", "async"))));

            return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
                    .requestHandler(router)
                    .listen();
        }

        private static void item(RoutingContext ctx) {
            String raw = ctx.pathParam("id");
            int id;
            try {
                id = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                unprocessable(ctx, error("path", "id", "int_parsing", "Input should be a valid integer", raw));
                return;
            }
            json(ctx, 200, new JsonObject().put("id", id).put("q", ctx.request().getParam("q")));
        }

        private static void create(RoutingContext ctx) {
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (RuntimeException e) {
                unprocessable(ctx, new JsonArray().add(new JsonObject().put("type", "json_invalid")
                        .put("loc", new JsonArray().add("body")).put("msg", "JSON decode error")));
                return;
            }
            if (body == null) {
                unprocessable(ctx, error("body", null, "missing", "Field required", null));
                return;
            }
            JsonArray errors = new JsonArray();
            Object name = body.getValue("name");
            Object price = body.getValue("price");
            if (!(name instanceof String s) || s.isBlank()) {
                errors.add(error("body", "name", "not_blank", "String should not be blank", name).getJsonObject(0));
            }
            if (!(price instanceof Number num) || !(num.doubleValue() > 0) || Double.isInfinite(num.doubleValue())) {
                errors.add(error("body", "price", "positive", "Input should be greater than 0", price).getJsonObject(0));
            }
            if (!errors.isEmpty()) {
                unprocessable(ctx, errors);
                return;
            }
            json(ctx, 201, new JsonObject().put("id", 1).put("name", name)
                    .put("price", ((Number) price).doubleValue()));
        }

        private static JsonArray error(String where, String field, String type, String msg, Object input) {
            JsonArray loc = new JsonArray().add(where);
            if (field != null) loc.add(field);
            return new JsonArray().add(new JsonObject().put("type", type).put("loc", loc).put("msg", msg)
                    .put("input", input));
        }

        private static void unprocessable(RoutingContext ctx, JsonArray errors) {
            json(ctx, 422, new JsonObject().put("detail", errors));
        }

        private static void json(RoutingContext ctx, int status, JsonObject body) {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                    .end(body.toBuffer());
        }
    }
}
