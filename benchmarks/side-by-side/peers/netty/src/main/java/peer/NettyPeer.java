package peer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.Version;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the side-by-side benchmark: Netty's HTTP codec and one hand-written handler, no framework.
 * Serves {@code GET /plaintext} and {@code GET /json} (every other request: 404), one event loop per
 * available core, the native epoll transport when it loads (NIO otherwise, said on stderr).
 *
 * <p>With {@code --json jackson} the JSON body is written by Jackson instead of by hand: a mapper with the
 * modules Brisk's has (Blackbird, JSR-310, JDK 8), made before the bind, and a writer for a record. That is the
 * floor of any framework on Netty and Jackson, e.g. for the time to the first response. With {@code --json
 * jackson-core} it is written through Jackson's streaming generator alone (no databind, no mapper), by a writer
 * made at start from the record's components (their names and accessors, by reflection once): what a
 * framework's own writer of plain records on jackson-core would cost.
 *
 * <p>Usage: {@code java -jar netty-peer.jar --port N [--host 127.0.0.1] [--threads N] [--json hand|jackson|jackson-core]}.
 */
public final class NettyPeer {
    private NettyPeer() {
    }

    /** The body of {@code GET /json} when Jackson writes it. */
    public record Message(String message) {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = -1;
        String host = "127.0.0.1";
        int threads = Runtime.getRuntime().availableProcessors();
        BodyWriter json = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--host" -> host = require(args[i], value);
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                case "--json" -> json = switch (require(args[i], value)) {
                    case "hand" -> null;
                    case "jackson" -> databind();
                    case "jackson-core" -> RecordWriter.of(Message.class);
                    default -> throw new IllegalArgumentException("--json is hand, jackson or jackson-core, not " + value);
                };
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: --port N [--host H] [--threads N] [--json hand|jackson|jackson-core])");
            }
            i++;
        }
        if (port < 0) throw new IllegalArgumentException("--port is required");

        boolean epoll = Epoll.isAvailable();
        if (!epoll) System.err.println("netty-peer: epoll unavailable, using NIO: " + Epoll.unavailabilityCause());
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        BodyWriter writer = json;
        try {
            // The Date header, formatted once a second instead of per response.
            group.scheduleAtFixedRate(Handler::refreshDate, 0, 1, TimeUnit.SECONDS);
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new Handler(writer));
                        }
                    })
                    .bind(host, port).sync().channel();
            System.out.println("netty-peer listening on http://" + host + ":" + port + " ("
                    + threads + " event loop(s), " + (epoll ? "epoll" : "nio") + ", JSON by " + (json == null ? "hand" : json instanceof RecordWriter ? "jackson-core" : "Jackson")
                    + ", " + versions() + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close().syncUninterruptibly();
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }));
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /** The codec's and the transport's versions, from Netty's own version records. */
    private static String versions() {
        var all = Version.identify();
        StringBuilder out = new StringBuilder();
        for (String artifact : new String[] {"netty-codec-http", "netty-transport-classes-epoll"}) {
            Version v = all.get(artifact);
            if (out.length() > 0) out.append(", ");
            out.append(artifact).append(' ').append(v == null ? "?" : v.artifactVersion());
        }
        return out.toString();
    }

    /** Writes the body of {@code GET /json} to a stream. */
    interface BodyWriter {
        void write(OutputStream out, Message m) throws IOException;
    }

    /** The mapper Brisk makes (databind with the same three modules) and its writer for the record. */
    private static BodyWriter databind() {
        var writer = JsonMapper.builder().addModule(new BlackbirdModule()).addModule(new JavaTimeModule())
                .addModule(new Jdk8Module()).build().writerFor(Message.class);
        return writer::writeValue;
    }

    /** A record's fields through jackson-core's generator: names and accessors found once, at start. */
    record RecordWriter(JsonFactory factory, String[] names, MethodHandle[] accessors) implements BodyWriter {
        static RecordWriter of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            var names = new String[components.length];
            var accessors = new MethodHandle[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    accessors[i] = MethodHandles.lookup().unreflect(components[i].getAccessor())
                            .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return new RecordWriter(new JsonFactory(), names, accessors);
        }

        @Override
        public void write(OutputStream out, Message m) throws IOException {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                for (int i = 0; i < names.length; i++) {
                    g.writeFieldName(names[i]);
                    Object v;
                    try {
                        v = accessors[i].invokeExact((Object) m);
                    } catch (Throwable t) {
                        throw new IOException(t);
                    }
                    if (v == null) g.writeNull();
                    else if (v instanceof String str) g.writeString(str);
                    else if (v instanceof Number n) g.writeNumber(n.toString());
                    else g.writeString(v.toString());
                }
                g.writeEndObject();
            }
        }
    }

    private static String require(String name, String value) {
        if (value == null) throw new IllegalArgumentException(name + " needs a value");
        return value;
    }

    /** One per connection; writes in {@code channelRead}, flushes once per read batch (pipelining-friendly). */
    static final class Handler extends ChannelInboundHandlerAdapter {
        private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
        private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
        private static final ByteBuf PLAINTEXT = Unpooled.unreleasableBuffer(
                Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(StandardCharsets.US_ASCII)))
                .asReadOnly();
        private static final String MESSAGE = "Hello, World!";
        private static final Message JSON_MESSAGE = new Message(MESSAGE);
        private final BodyWriter writer;   // none: written by hand

        Handler(BodyWriter writer) {
            this.writer = writer;
        }

        private static volatile AsciiString date = new AsciiString(DateFormatter.format(new Date()));

        static void refreshDate() {
            date = new AsciiString(DateFormatter.format(new Date()));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) respond(ctx, request);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void respond(ChannelHandlerContext ctx, HttpRequest request) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            boolean get = HttpMethod.GET.equals(request.method());
            FullHttpResponse response;
            if (get && path.equals("/plaintext")) {
                response = ok(PLAINTEXT.duplicate(), TEXT_PLAIN);
            } else if (get && path.equals("/json")) {
                response = ok(json(ctx), APPLICATION_JSON);
            } else {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                        Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.DATE, date);
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) HttpUtil.setKeepAlive(response, true);
                ctx.write(response, ctx.voidPromise());
            } else {
                HttpUtil.setKeepAlive(response, false);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** {@code {"message":"Hello, World!"}}, written per request into a pooled buffer (by hand, or by Jackson). */
        private ByteBuf json(ChannelHandlerContext ctx) {
            ByteBuf buf = ctx.alloc().buffer(32);
            if (writer != null) {
                try {
                    writer.write(new ByteBufOutputStream(buf), JSON_MESSAGE);
                } catch (IOException e) {
                    buf.release();
                    throw new UncheckedIOException(e);
                }
                return buf;
            }
            buf.writeBytes(JSON_PREFIX);
            ByteBufUtil.writeUtf8(buf, MESSAGE);
            buf.writeBytes(JSON_SUFFIX);
            return buf;
        }

        private static final byte[] JSON_PREFIX = "{\"message\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] JSON_SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

        private static FullHttpResponse ok(ByteBuf body, AsciiString contentType) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    body);
            HttpHeaders headers = response.headers();
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set(HttpHeaderNames.DATE, date);
            return response;
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
