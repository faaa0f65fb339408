package dev.brisk.internal.netty;

import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.dispatch.Endpoint;
import dev.brisk.internal.dispatch.Responder;
import dev.brisk.internal.dispatch.Sink;
import dev.brisk.internal.http.Exchange;
import dev.brisk.internal.routing.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection: enforces limits, aggregates bodies, routes, dispatches to the event loop
 * or the workers, and writes responses strictly in request order (pipelining), flushing once per
 * read batch. Every method runs on the connection's event loop except {@link #send}.
 *
 * <p>Back-pressure: when too many responses are queued, or the client does not read what was written
 * (the channel turns unwritable), the connection stops reading and decoding until that clears, so
 * pipelined requests cannot pile up without bound.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.http");
    private static final int MAX_QUEUED = 64;
    private static final int RESUME_QUEUED = 16;

    private final NettyServer server;
    private final ConnState st;
    private final long maxBody;
    private final ArrayDeque<Exchange> queue = new ArrayDeque<>(4);

    private ChannelHandlerContext ctx;
    private HttpRequest head;
    private ByteBuf body;
    private boolean closing;
    private boolean inRead;
    private boolean needsFlush;
    private long nextSeq;
    private ScheduledFuture<?> ticker;
    private boolean paused;
    /** The client shut down its output (half-close): answer what was received, then close. */
    private boolean inputClosed;
    /** A 100 Continue owed to the request being read, sent once the responses before it are out. */
    private boolean continuePending;
    /** When the final response was written; a client that never reads it is cut off later. */
    private long lingerSince;

    HttpConnection(NettyServer server, ConnState st) {
        this.server = server;
        this.st = st;
        this.maxBody = server.settings().maxBodySize();
    }

    // ------------------------------------------------------------------------------------ lifecycle

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        st.idleSince = System.nanoTime();
        server.register(this);
        long tick = server.tickNanos();
        ticker = ctx.executor().scheduleAtFixedRate(this::checkTimeouts, tick, tick, TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        if (ticker != null) ticker.cancel(false);
        releaseBody();
        releaseQueued();
        server.unregister(this);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            // Every complete request was decoded before this event; a partial one can never complete.
            inputClosed = true;
            if (st.reading != ConnState.NONE) {
                releaseBody();
                st.reading = ConnState.NONE;
            }
            if (queue.isEmpty() && !closing) closeNow();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        updateBackpressure();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) LOG.debug("Connection error on {}", ctx.channel(), cause);
        ctx.close();
    }

    // ------------------------------------------------------------------------------------ reading

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inRead = true;
        if (closing) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            onHead(req);
        }
        if (msg instanceof HttpContent c) {
            onContent(c);
        } else if (!(msg instanceof HttpRequest)) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inRead = false;
        if (needsFlush) {
            needsFlush = false;
            ctx.flush();
        }
    }

    private void onHead(HttpRequest req) {
        st.sawRequest = true;
        var result = req.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            int status = cause instanceof TooLongHttpLineException ? 414
                    : cause instanceof TooLongHttpHeaderException ? 431 : 400;
            String detail = status == 414 ? "URI Too Long" : status == 431 ? "Request Header Fields Too Large"
                    : "Bad Request" + (cause instanceof StrictRequestDecoder.Rejected ? ": " + cause.getMessage() : "");
            reject(req, status, detail);
            return;
        }
        var version = req.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            reject(req, 400, "Bad Request: unsupported HTTP version");
            return;
        }
        var headers = req.headers();
        List<String> te = headers.contains(HttpHeaderNames.TRANSFER_ENCODING) ? headers.getAll(HttpHeaderNames.TRANSFER_ENCODING) : List.of();
        if (!te.isEmpty() && (te.size() != 1 || !te.get(0).trim().equalsIgnoreCase("chunked"))) {
            reject(req, 400, "Bad Request: unsupported Transfer-Encoding");
            return;
        }
        if (version == HttpVersion.HTTP_1_1 && !singleHost(headers)) {
            reject(req, 400, "Bad Request: exactly one Host header is required");
            return;
        }
        long length = -1;
        String cl = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                reject(req, 400, "Bad Request: invalid Content-Length");
                return;
            }
        }
        if (length > maxBody) {
            reject(req, 413, "Request Entity Too Large");
            return;
        }
        String expect = headers.get(HttpHeaderNames.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                reject(req, 417, "Expectation Failed");
                return;
            }
            if (version == HttpVersion.HTTP_1_1 && !server.draining()) {
                // An interim response must not overtake the final responses of earlier pipelined requests.
                if (queue.isEmpty()) sendContinue();
                else continuePending = true;
            }
        }
        head = req;
        st.reading = ConnState.BODY;
        st.lastProgress = System.nanoTime();
    }

    private void onContent(HttpContent c) {
        if (head == null) { // body of a rejected request
            c.release();
            return;
        }
        if (c.decoderResult().isFailure()) {
            c.release();
            var h = head;
            releaseBody();
            reject(h, 400, "Bad Request: invalid chunked body");
            return;
        }
        ByteBuf data = c.content();
        if (data.isReadable()) {
            long size = (body == null ? 0 : body.readableBytes()) + data.readableBytes();
            if (size > maxBody) {
                c.release();
                var h = head;
                releaseBody();
                reject(h, 413, "Request Entity Too Large");
                return;
            }
            if (body == null) {
                body = data.retain();
            } else {
                CompositeByteBuf comp;
                if (body instanceof CompositeByteBuf cb) {
                    comp = cb;
                } else {
                    comp = ctx.alloc().compositeBuffer(64);
                    comp.addComponent(true, body);
                    body = comp;
                }
                comp.addComponent(true, data.retain());
            }
            st.lastProgress = System.nanoTime();
        }
        c.release();
        if (c instanceof LastHttpContent) {
            var h = head;
            ByteBuf b = body == null ? Unpooled.EMPTY_BUFFER : body;
            head = null;
            body = null;
            continuePending = false;
            st.reading = ConnState.NONE;
            dispatch(h, b);
        }
    }

    private void sendContinue() {
        ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        if (inRead) needsFlush = true;
        else ctx.flush();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
        head = null;
        continuePending = false;
    }

    // ------------------------------------------------------------------------------------ dispatch

    private void dispatch(HttpRequest req, ByteBuf content) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        var ex = new Exchange(ctx.channel(), req, content, nextSeq++, keepAlive);
        queue.add(ex);
        if (queue.size() >= MAX_QUEUED) updateBackpressure();
        if (server.draining()) {
            complete(ex, Responder.detail(ctx.alloc(), 503, "Service Unavailable"));
            return;
        }
        RouteTable.Lookup<Endpoint> found = server.routes().lookup(req.method().name(), ex.rawPath());
        switch (found.outcome()) {
            case NOT_FOUND -> complete(ex, Responder.detail(ctx.alloc(), 404, "Not Found"));
            case METHOD_NOT_ALLOWED -> {
                var res = Responder.detail(ctx.alloc(), 405, "Method Not Allowed");
                res.headers().set(HttpHeaderNames.ALLOW, String.join(", ", found.allowed()));
                complete(ex, res);
            }
            case FOUND -> {
                Endpoint ep = found.endpoint();
                ex.endpoint = ep;
                ex.pathNames = ep.pathNames;
                ex.pathValues = found.values();
                if (ep.async()) {
                    try {
                        ep.run(ex, this);
                    } finally {
                        BlockingDetector.exit();
                    }
                } else if (!server.workers().tryExecute(() -> ep.run(ex, this))) {
                    var res = Responder.detail(ctx.alloc(), 503, "Service Unavailable");
                    res.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
                    complete(ex, res);
                }
            }
        }
    }

    /** Answers a request that will not be processed, then closes once earlier responses are out. */
    private void reject(HttpRequest req, int status, String detail) {
        head = null;
        st.reading = ConnState.NONE;
        var ex = new Exchange(ctx.channel(), req, Unpooled.EMPTY_BUFFER, nextSeq++, false);
        queue.add(ex);
        closing = true; // read nothing more from this connection
        st.discard = true; // and never parse what follows as a request
        continuePending = false;
        ctx.channel().config().setAutoRead(false);
        complete(ex, Responder.detail(ctx.alloc(), status, detail));
    }

    // ------------------------------------------------------------------------------------ writing

    @Override
    public void send(Exchange ex, FullHttpResponse response) {
        var loop = ctx.executor();
        if (loop.inEventLoop()) {
            complete(ex, response);
            return;
        }
        try {
            loop.execute(() -> complete(ex, response));
        } catch (RejectedExecutionException e) {
            // The server was force-closed after its grace period: nobody will write this.
            response.release();
            ex.release();
            ex.dropped = true;
            runCleanups(ex);
        }
    }

    private void complete(Exchange ex, FullHttpResponse res) {
        ex.release();
        if (ex.dropped || !ctx.channel().isActive()) {
            res.release();
            ex.response = null;
            queue.remove(ex);
            runCleanups(ex);
            return;
        }
        ex.response = res;
        drain();
    }

    private void drain() {
        boolean wrote = false;
        Exchange ex;
        while ((ex = queue.peek()) != null && ex.response != null) {
            queue.poll();
            FullHttpResponse res = ex.response;
            ex.response = null;
            boolean last = !ex.keepAlive
                    || server.draining() && queue.isEmpty() && st.reading == ConnState.NONE
                    || inputClosed && queue.isEmpty()
                    || closing && queue.isEmpty();
            Responder.finish(res, !last, ex.head.protocolVersion() == HttpVersion.HTTP_1_0);
            if (ex.isHead) {
                // The length of the body a GET would have had; the encoder keeps an explicit one.
                int code = res.status().code();
                if (code >= 200 && code != 204 && code != 304) {
                    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
                }
                var stripped = res.replace(Unpooled.EMPTY_BUFFER);
                res.release();
                res = stripped;
            }
            wrote = true;
            if (ex.closeables() != null) {
                final Exchange done = ex;
                ctx.write(res).addListener(x -> runCleanups(done));
            } else {
                ctx.write(res, ctx.voidPromise());   // no listener: skip allocating a promise
            }
            if (last) {
                closing = true;
                st.discard = true;
                continuePending = false;
                lingerSince = System.nanoTime();
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                releaseQueued();
                return;
            }
        }
        if (continuePending && queue.isEmpty() && head != null) {
            continuePending = false;
            sendContinue();
        }
        if (paused) updateBackpressure();
        if (queue.isEmpty() && st.reading == ConnState.NONE) st.idleSince = System.nanoTime();
        if (wrote) {
            if (inRead) needsFlush = true;
            else ctx.flush();
        }
    }

    /** Stops reading while too much is queued or unsent, and resumes once that has cleared. */
    private void updateBackpressure() {
        var ch = ctx.channel();
        if (!paused) {
            if (queue.size() >= MAX_QUEUED || !ch.isWritable()) {
                paused = true;
                st.paused = true;
                ch.config().setAutoRead(false);
            }
        } else if (!closing && queue.size() <= RESUME_QUEUED && ch.isWritable()) {
            paused = false;
            st.paused = false;
            ch.config().setAutoRead(true);
            // Requests may already sit in the decoder's buffer; nothing else would decode them now.
            ctx.executor().execute(this::decodeBuffered);
        }
    }

    private void decodeBuffered() {
        if (closing || paused || !ctx.channel().isActive()) return;
        ctx.pipeline().fireChannelRead(Unpooled.EMPTY_BUFFER);
        channelReadComplete(ctx);
    }

    private void closeNow() {
        closing = true;
        st.discard = true;
        ctx.close();
    }

    private void releaseQueued() {
        // Requests after the closing one are dropped; their workers' responses are released on arrival.
        for (var ex : queue) {
            ex.dropped = true;
            if (ex.response != null) {
                ex.response.release();
                ex.response = null;
            }
        }
        queue.clear();
    }

    private void runCleanups(Exchange ex) {
        var list = ex.closeables();
        if (list == null) return;
        Runnable close = () -> {
            for (int i = list.size() - 1; i >= 0; i--) {
                try {
                    list.get(i).close();
                } catch (Throwable t) {
                    LOG.error("Closing dependency {} after {} failed", list.get(i), ex, t);
                }
            }
        };
        if (ex.endpoint instanceof Endpoint ep && ep.async()) {
            close.run();
            return;
        }
        try {
            server.workers().executeAlways(close);
        } catch (RejectedExecutionException e) {
            close.run(); // the pools are shut down
        }
    }

    // ------------------------------------------------------------------------------------ timeouts and shutdown

    private void checkTimeouts() {
        long now = System.nanoTime();
        var s = server.settings();
        if (closing) {
            // The final response is written but the client does not read it: do not wait forever.
            if (lingerSince != 0 && now - lingerSince > s.idleTimeout().toNanos()) ctx.close();
            return;
        }
        if (st.reading == ConnState.HEADERS && now - st.readStart > s.headerTimeout().toNanos()) {
            timeout("Request Timeout: headers not received in time");
        } else if (st.reading == ConnState.BODY && now - st.lastProgress > s.bodyTimeout().toNanos()) {
            timeout("Request Timeout: body stalled");
        } else if (st.reading == ConnState.NONE && queue.isEmpty()) {
            long limit = st.sawRequest ? s.idleTimeout().toNanos() : s.headerTimeout().toNanos();
            if (now - st.idleSince > limit) closeNow();
        }
    }

    private void timeout(String detail) {
        var h = head != null ? head : new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        releaseBody();
        reject(h, 408, detail);
    }

    /** Called on the event loop when the server starts draining. */
    void onDrain() {
        if (closing) return;
        if (queue.isEmpty() && st.reading == ConnState.NONE) closeNow();
    }

    boolean isIdle() {
        return queue.isEmpty() && st.reading == ConnState.NONE;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    /** Exactly one Host header, without allocating a list. */
    private static boolean singleHost(io.netty.handler.codec.http.HttpHeaders headers) {
        var it = headers.valueStringIterator(HttpHeaderNames.HOST);
        if (!it.hasNext()) return false;
        it.next();
        return !it.hasNext();
    }
}
