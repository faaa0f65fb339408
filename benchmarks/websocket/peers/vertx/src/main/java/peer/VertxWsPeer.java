package peer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket benchmark's routes on Vert.x core, written as a Vert.x user would: {@code /ws/echo}
 * echoes, {@code /ws/fanout} sends the sender's ({@code ?role=sender}) messages to every receiver,
 * {@code GET /stats} tells the open sessions and the heap used after a GC. The same frame and message
 * limits as Brisk's defaults (64 KiB, 1 MiB). One verticle instance per available core.
 *
 * <p>{@code java -jar target/vertx-ws-peer.jar --port N [--instances N]}
 */
public final class VertxWsPeer {
    private static final Set<ServerWebSocket> receivers = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger echoes = new AtomicInteger();

    private VertxWsPeer() {
    }

    public static void main(String[] args) {
        int port = -1;
        int instances = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (usage: --port N [--instances N])");
            }
        }
        if (port < 0) throw new IllegalArgumentException("--port is required");
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        int p = port;
        int n = instances;
        vertx.deployVerticle(() -> new Server(p), new DeploymentOptions().setInstances(n))
                .onSuccess(id -> System.out.println("vertx-ws-peer listening on 127.0.0.1:" + p + " (" + n + " instance(s), native transport "
                        + vertx.isNativeTransportEnabled() + ")"))
                .onFailure(e -> {
                    e.printStackTrace();
                    vertx.close();
                    System.exit(1);
                });
    }

    static final class Server extends VerticleBase {
        private final int port;

        Server(int port) {
            this.port = port;
        }

        @Override
        public Future<?> start() {
            var options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true)
                    .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(1 << 20);
            return vertx.createHttpServer(options)
                    .webSocketHandler(this::webSocket)
                    .requestHandler(req -> {
                        if (req.path().equals("/stats")) {
                            System.gc();
                            var rt = Runtime.getRuntime();
                            req.response().putHeader("content-type", "application/json").end("{\"heapUsed\":" + (rt.totalMemory() - rt.freeMemory())
                                    + ",\"sessions\":" + (echoes.get() + receivers.size()) + "}");
                        } else {
                            req.response().setStatusCode(404).end();
                        }
                    })
                    .listen();
        }

        private void webSocket(ServerWebSocket ws) {
            switch (ws.path()) {
                case "/ws/echo" -> {
                    echoes.incrementAndGet();
                    ws.textMessageHandler(ws::writeTextMessage);
                    ws.binaryMessageHandler(ws::writeBinaryMessage);
                    ws.closeHandler(v -> echoes.decrementAndGet());
                }
                case "/ws/fanout" -> {
                    if ("role=sender".equals(ws.query())) {
                        ws.textMessageHandler(text -> {
                            for (var r : receivers) r.writeTextMessage(text);
                        });
                    } else {
                        receivers.add(ws);
                        ws.closeHandler(v -> receivers.remove(ws));
                    }
                }
                default -> ws.close((short) 1008, "no such route");
            }
        }
    }
}
