package dev.brisk.internal.netty;

import dev.brisk.internal.dispatch.Dispatcher;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.ConnectionInfo;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection: enforces limits, aggregates bodies, hands each request to the
 * {@link Dispatcher}, and writes the replies strictly in request order (pipelining), flushing once
 * per read batch. It frames every kind of {@link Body}: a buffer, a stream of chunks (with
 * back-pressure), a file region (zero-copy), or a protocol switch. Every method runs on the
 * connection's event loop except {@link Slot#reply}.
 *
 * <p>Back-pressure: when too many replies are queued, or the client does not read what was written
 * (the channel turns unwritable), the connection stops reading and decoding until that clears, so
 * pipelined requests cannot pile up without bound; a streamed body asks its producer for the next
 * piece only while the channel is writable.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.http");
    private static final int MAX_QUEUED = 64;
    private static final int RESUME_QUEUED = 16;
    /** While the server drains, an idle connection stays open this long for a request already on its way. */
    static final long DRAIN_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** File bodies are read in pieces of this size where the transport cannot send a file region. */
    private static final int FILE_PIECE = 64 * 1024;

    private final NettyServer server;
    private final Dispatcher dispatcher;
    private final ConnState st;
    private final long maxBody;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>(4);

    private ChannelHandlerContext ctx;
    private ConnectionInfo info;
    private HttpRequest head;
    private ByteBuf body;
    private boolean closing;
    private boolean inRead;
    private boolean needsFlush;
    private ScheduledFuture<?> ticker;
    private boolean paused;
    /** The client shut down its output (half-close): answer what was received, then close. */
    private boolean inputClosed;
    /** A 100 Continue owed to the request being read, sent once the replies before it are out. */
    private boolean continuePending;
    /** When the final reply was written; a client that never reads it is cut off later. */
    private long lingerSince;
    /** The body being streamed; later replies wait for it. */
    private Stream streaming;
    private boolean upgraded;
    /** The body of the request being read, when the dispatcher takes it as it arrives (multipart uploads). */
    private dev.brisk.internal.http.StreamedBody streamed;
    private long streamedBytes;
    /** Reading waits for the streamed body's consumer (e.g. its disk writes). */
    private boolean bodyPaused;

    HttpConnection(NettyServer server, Dispatcher dispatcher, ConnState st) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.st = st;
        this.maxBody = server.config().maxBodySize();
    }

    // ------------------------------------------------------------------------------------ lifecycle

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        var ch = ctx.channel();
        info = new ConnectionInfo(ctx.executor(), ch.alloc(), ch.remoteAddress(), ch.localAddress(), server.hooks());
        st.idleSince = System.nanoTime();
        long tick = server.tickNanos();
        ticker = ctx.executor().scheduleAtFixedRate(this::checkTimeouts, tick, tick, TimeUnit.NANOSECONDS);
        server.register(this);
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
        var s = streaming;
        streaming = null;
        if (s != null) s.abandon();
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
            if (queue.isEmpty() && streaming == null && !closing) closeNow();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (streaming != null && ctx.channel().isWritable()) streaming.resume();
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
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            onHead(req);
        }
        if (msg instanceof HttpContent c) {
            onContent(c);
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
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
            reject(req, status, detail, false);
            return;
        }
        var version = req.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            reject(req, 400, "Bad Request: unsupported HTTP version", false);
            return;
        }
        var headers = req.headers();
        List<String> te = headers.contains(HttpHeaderNames.TRANSFER_ENCODING) ? headers.getAll(HttpHeaderNames.TRANSFER_ENCODING) : List.of();
        if (!te.isEmpty() && (te.size() != 1 || !te.get(0).trim().equalsIgnoreCase("chunked"))) {
            reject(req, 400, "Bad Request: unsupported Transfer-Encoding", false);
            return;
        }
        if (version == HttpVersion.HTTP_1_1 && !singleHost(headers)) {
            reject(req, 400, "Bad Request: exactly one Host header is required", false);
            return;
        }
        long length = -1;
        String cl = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                reject(req, 400, "Bad Request: invalid Content-Length", false);
                return;
            }
        }
        dev.brisk.internal.http.StreamedBody sb = null;
        if (length > 0 || length < 0 && !te.isEmpty()) {
            try {
                sb = dispatcher.streamedBody(info, req);
            } catch (dev.brisk.internal.http.BodyRejected e) {
                reject(req, e.status(), e.getMessage(), true);
                return;
            }
        }
        if (length > (sb != null ? sb.maxLength() : maxBody)) {
            if (sb != null) sb.abort();
            reject(req, 413, "Request Entity Too Large", true);
            return;
        }
        String expect = headers.get(HttpHeaderNames.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                if (sb != null) sb.abort();
                reject(req, 417, "Expectation Failed", true);
                return;
            }
            if (version == HttpVersion.HTTP_1_1 && !server.draining()) {
                // An interim response must not overtake the final responses of earlier pipelined requests.
                if (queue.isEmpty() && streaming == null) sendContinue();
                else continuePending = true;
            }
        }
        head = req;
        streamed = sb;
        streamedBytes = 0;
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
            reject(h, 400, "Bad Request: invalid chunked body", false);
            return;
        }
        if (streamed != null) {
            StreamedRequests.content(this, c);
            return;
        }
        ByteBuf data = c.content();
        if (data.isReadable()) {
            long size = (body == null ? 0 : body.readableBytes()) + data.readableBytes();
            if (size > maxBody) {
                c.release();
                var h = head;
                releaseBody();
                reject(h, 413, "Request Entity Too Large", true);
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
            var req = new RequestView(info, h, b);
            var slot = new Slot(req, h);
            queue.add(slot);
            if (queue.size() >= MAX_QUEUED) updateBackpressure();
            dispatcher.dispatch(req, slot);
        }
    }

    private void sendContinue() {
        ctx.write(ResponseEncoder.continue100(ctx.alloc()), ctx.voidPromise());
        if (inRead) needsFlush = true;
        else ctx.flush();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
        var sb = streamed;
        streamed = null;
        if (sb != null) sb.abort();
        head = null;
        continuePending = false;
    }

    /**
     * Answers a request that will not be processed, then closes once earlier replies are out. With
     * {@code viaApp} the app's middleware see the answer (the head was valid); else it is sent as is.
     */
    private void reject(HttpRequest req, int status, String detail, boolean viaApp) {
        head = null;
        st.reading = ConnState.NONE;
        closing = true; // read nothing more from this connection
        st.discard = true; // and never parse what follows as a request
        continuePending = false;
        ctx.channel().config().setAutoRead(false);
        var view = new RequestView(info, req, Unpooled.EMPTY_BUFFER);
        var slot = new Slot(view, req, false);
        queue.add(slot);
        if (viaApp) dispatcher.refuse(view, status, detail, slot);
        else slot.reply(Replies.detail(ctx.alloc(), status, detail));
    }

    // ------------------------------------------------------------------------------------ writing

    /** One request's place in the reply order; the dispatcher answers through it from any thread. */
    final class Slot implements ReplySink, Runnable {
        final RequestView request;
        final boolean keepAlive;
        final boolean http10;
        final boolean isHead;
        /** The finished reply, waiting for earlier pipelined ones (set once, then read on the loop). */
        Reply reply;
        /** The connection closed before this slot's turn. */
        boolean dropped;

        Slot(RequestView request, HttpRequest head) {
            this(request, head, HttpUtil.isKeepAlive(head));
        }

        Slot(RequestView request, HttpRequest head, boolean keepAlive) {
            this.request = request;
            this.keepAlive = keepAlive;
            this.http10 = head.protocolVersion() == HttpVersion.HTTP_1_0;
            this.isHead = request.isHead();
        }

        @Override
        public void reply(Reply r) {
            this.reply = r;
            EventExecutor loop = ctx.executor();
            if (loop.inEventLoop()) {
                complete(this);
                return;
            }
            try {
                loop.execute(this);
            } catch (RejectedExecutionException e) {
                // The server was force-closed after its grace period: nobody will write this.
                request.release();
                dropped = true;
                this.reply = null;
                r.discard();
            }
        }

        @Override
        public void run() {
            complete(this);
        }
    }

    private void complete(Slot s) {
        s.request.release();
        if (s.dropped || !ctx.channel().isActive()) {
            var r = s.reply;
            s.reply = null;
            queue.remove(s);
            if (r != null) r.discard();
            return;
        }
        drain();
    }

    /** Writes every reply that is ready, in order, until one is missing or a streamed body is in progress. */
    private void drain() {
        boolean wrote = false;
        Slot s;
        while (streaming == null && !upgraded && (s = queue.peek()) != null && s.reply != null) {
            queue.poll();
            Reply r = s.reply;
            s.reply = null;
            CharSequence conn = r.header(HttpHeaderNames.CONNECTION);
            boolean last = !s.keepAlive
                    || conn != null && "close".contentEquals(conn.toString().trim().toLowerCase(java.util.Locale.ROOT))
                    || server.draining() && queue.isEmpty() && st.reading == ConnState.NONE
                    || inputClosed && queue.isEmpty()
                    || closing && queue.isEmpty();
            wrote = true;
            boolean done = write(s, r, last);
            if (!done) break;   // a streamed body: it resumes the writing when it ends
            if (last) {
                finishConnection();
                return;
            }
        }
        afterWrites(wrote);
    }

    private void afterWrites(boolean wrote) {
        if (continuePending && queue.isEmpty() && streaming == null && head != null) {
            continuePending = false;
            sendContinue();
        }
        if (paused) updateBackpressure();
        if (queue.isEmpty() && streaming == null && st.reading == ConnState.NONE) st.idleSince = System.nanoTime();
        if (wrote) {
            if (inRead) needsFlush = true;
            else ctx.flush();
        }
    }

    private void finishConnection() {
        closing = true;
        st.discard = true;
        continuePending = false;
        lingerSince = System.nanoTime();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        releaseQueued();
    }

    /** Writes one reply; returns false when its body goes on being written after this call (a stream). */
    private boolean write(Slot s, Reply r, boolean last) {
        int code = r.status();
        Body body = r.body();
        int connection = last ? 1 : s.http10 ? 2 : 0;
        if (code == 101 && body instanceof Body.Upgrade up) {
            return upgrade(r, up);
        }
        if (!ResponseEncoder.bodyAllowed(code)) {
            body.discard();
            writeHead(r, ResponseEncoder.NO_LENGTH, connection, null);
            return true;
        }
        if (body instanceof Body.Bytes b) {
            ByteBuf content = b.content();
            int length = content.readableBytes();
            if (s.isHead) {
                content.release();
                writeHead(r, length, connection, null);
            } else if (length <= ResponseEncoder.COPY_LIMIT) {
                writeHead(r, length, connection, content);
            } else {
                ByteBuf head = ResponseEncoder.head(ctx.alloc(), r, length, connection, 0);
                send(Unpooled.wrappedBuffer(head, content), r);
            }
            return true;
        }
        if (body instanceof Body.Empty) {
            writeHead(r, 0, connection, null);
            return true;
        }
        if (body instanceof Body.File f) {
            writeHead(r, f.length(), connection, null, false);
            if (s.isHead || f.length() == 0) {
                f.discard();
                r.sent();
                return true;
            }
            if (!(ctx.channel() instanceof LocalChannel)) {
                // Zero-copy (sendfile); the region closes the file when it is released.
                ctx.write(new DefaultFileRegion(f.channel(), f.offset(), f.length())).addListener(x -> r.sent());
                return true;
            }
            return stream(r, new FilePieces(f), f.length(), false, true, last);
        }
        if (body instanceof Body.Chunks c) {
            long length = c.length();
            // HTTP/1.0 knows no chunked encoding: an unknown length is then delimited by closing the connection.
            boolean closeDelimited = length < 0 && s.http10;
            long framing = length >= 0 ? length : closeDelimited ? ResponseEncoder.NO_LENGTH : ResponseEncoder.CHUNKED;
            writeHead(r, framing, closeDelimited ? 1 : connection, null, false);
            if (s.isHead) {
                c.discard();
                r.sent();
                return true;
            }
            return stream(r, c.source(), length, framing == ResponseEncoder.CHUNKED, c.flushEach(), last || closeDelimited);
        }
        // A protocol switch must answer 101; anything else with an Upgrade body is a bug.
        body.discard();
        r.body(Body.EMPTY);
        r.status(500);
        writeHead(r, 0, 1, null);
        return true;
    }

    private void writeHead(Reply r, long length, int connection, ByteBuf inlineBody) {
        writeHead(r, length, connection, inlineBody, true);
    }

    private void writeHead(Reply r, long length, int connection, ByteBuf inlineBody, boolean complete) {
        ByteBuf out;
        try {
            out = ResponseEncoder.head(ctx.alloc(), r, length, connection, inlineBody == null ? 0 : inlineBody.readableBytes());
            if (inlineBody != null) {
                // The source copies into the buffer: the other way round, a heap source goes through a temporary NIO view.
                int n = inlineBody.readableBytes();
                out.ensureWritable(n);
                inlineBody.getBytes(inlineBody.readerIndex(), out, out.writerIndex(), n);
                out.writerIndex(out.writerIndex() + n);
            }
        } finally {
            if (inlineBody != null) inlineBody.release();
        }
        if (complete) send(out, r);
        else ctx.write(out, ctx.voidPromise());
    }

    private void send(ByteBuf out, Reply r) {
        if (r.hasAfterSend()) ctx.write(out).addListener(x -> r.sent());
        else ctx.write(out, ctx.voidPromise());   // no listener: skip allocating a promise
    }

    private boolean upgrade(Reply r, Body.Upgrade up) {
        upgraded = true;
        var out = ResponseEncoder.head(ctx.alloc(), r, ResponseEncoder.NO_LENGTH, 0, 0);
        releaseQueued();
        if (ticker != null) ticker.cancel(false);
        var ch = ctx.channel();
        ctx.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                up.upgrader().abandoned();
                ch.close();
                return;
            }
            var p = ch.pipeline();
            if (p.get("decoder") != null) p.remove("decoder");
            p.remove(this);
            server.unregister(this);
            try {
                up.upgrader().upgraded(ch);
            } catch (RuntimeException e) {
                LOG.error("Protocol switch failed on {}", ch, e);
                ch.close();
            }
            r.sent();
        });
        return false;
    }

    // ------------------------------------------------------------------------------------ streamed bodies

    private boolean stream(Reply r, Flow.Publisher<ByteBuf> source, long length, boolean chunked, boolean flushEach, boolean last) {
        var stream = new Stream(r, length, chunked, flushEach, last);
        streaming = stream;
        source.subscribe(stream);
        return false;
    }

    /**
     * Writes a streamed body: one piece requested at a time while the channel is writable; chunked
     * framing unless the length is known. Producer signals may come from any thread and are moved
     * to the event loop; all state here is the loop's.
     */
    private final class Stream implements Flow.Subscriber<ByteBuf> {
        private final Reply reply;
        private final long length;
        private final boolean chunked;
        private final boolean flushEach;
        private final boolean last;
        private Flow.Subscription subscription;
        private long written;
        private boolean waiting;   // wants the next piece once writable
        private boolean ended;

        Stream(Reply reply, long length, boolean chunked, boolean flushEach, boolean last) {
            this.reply = reply;
            this.length = length;
            this.chunked = chunked;
            this.flushEach = flushEach;
            this.last = last;
        }

        private void onLoop(Runnable r) {
            var loop = ctx.executor();
            if (loop.inEventLoop()) {
                r.run();
            } else {
                try {
                    loop.execute(r);
                } catch (RejectedExecutionException e) {
                    // the loop is gone: the connection is closed
                }
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            onLoop(() -> {
                if (ended || subscription != null) {
                    s.cancel();
                    return;
                }
                subscription = s;
                ctx.flush();
                demand();
            });
        }

        private void demand() {
            if (ended) return;
            if (ctx.channel().isWritable()) {
                waiting = false;
                subscription.request(1);
            } else {
                waiting = true;
            }
        }

        void resume() {
            if (waiting && subscription != null) demand();
        }

        @Override
        public void onNext(ByteBuf piece) {
            onLoop(() -> {
                if (ended || streaming != this) {
                    piece.release();
                    return;
                }
                int n = piece.readableBytes();
                if (length >= 0 && written + n > length) {
                    piece.release();
                    abort(new IllegalStateException("the stream produced more than its declared length " + length));
                    return;
                }
                written += n;
                if (n == 0) {
                    piece.release();
                } else if (!chunked) {
                    ctx.write(piece, ctx.voidPromise());
                } else {
                    ctx.write(ResponseEncoder.chunkHeader(ctx.alloc(), n), ctx.voidPromise());
                    ctx.write(piece, ctx.voidPromise());
                    ctx.write(ResponseEncoder.crlf(ctx.alloc()), ctx.voidPromise());
                }
                if (flushEach || !ctx.channel().isWritable()) ctx.flush();
                demand();
            });
        }

        @Override
        public void onError(Throwable t) {
            onLoop(() -> abort(t));
        }

        @Override
        public void onComplete() {
            onLoop(() -> {
                if (ended || streaming != this) return;
                if (length >= 0 && written != length) {
                    abort(new IllegalStateException("the stream ended after " + written + " of its declared " + length + " bytes"));
                    return;
                }
                ended = true;
                streaming = null;
                if (chunked) ctx.write(ResponseEncoder.lastChunk(ctx.alloc()), ctx.voidPromise());
                if (reply.hasAfterSend()) ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(x -> reply.sent());
                else ctx.flush();
                if (last) {
                    finishConnection();
                } else {
                    drain();
                }
            });
        }

        /** A failure mid-body: the client must not take a half body for a whole one, so the connection is cut. */
        private void abort(Throwable t) {
            if (ended) return;
            ended = true;
            if (streaming == this) streaming = null;
            if (!(t instanceof java.util.concurrent.CancellationException)) {
                LOG.error("Streaming the response body to {} failed after {} bytes; closing the connection", ctx.channel().remoteAddress(), written, t);
            }
            var s = subscription;
            if (s != null) s.cancel();
            closing = true;
            st.discard = true;
            ctx.close();
            reply.sent();
        }

        /** The connection closed first: stop the producer. */
        void abandon() {
            if (ended) return;
            ended = true;
            var s = subscription;
            if (s != null) s.cancel();
            reply.sent();
        }
    }

    /** A file region read piece by piece (for channels that cannot send a region: the in-VM transport). */
    private static final class FilePieces implements Flow.Publisher<ByteBuf> {
        private final Body.File file;

        FilePieces(Body.File file) {
            this.file = file;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
            s.onSubscribe(new Flow.Subscription() {
                private long position = file.offset();
                private final long end = file.offset() + file.length();
                private boolean done;

                @Override
                public void request(long n) {
                    if (done) return;
                    try {
                        for (long i = 0; i < n && position < end; i++) {
                            int size = (int) Math.min(FILE_PIECE, end - position);
                            var buf = Unpooled.buffer(size);
                            int read = buf.writeBytes(file.channel(), position, size);
                            if (read <= 0) throw new IOException("the file ended early at " + position);
                            position += read;
                            s.onNext(buf);
                        }
                        if (position >= end) {
                            done = true;
                            file.discard();
                            s.onComplete();
                        }
                    } catch (IOException e) {
                        done = true;
                        file.discard();
                        s.onError(e);
                    }
                }

                @Override
                public void cancel() {
                    done = true;
                    file.discard();
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------ back-pressure

    /** Stops reading while too much is queued or unsent, and resumes once that has cleared. */
    private void updateBackpressure() {
        var ch = ctx.channel();
        if (!paused) {
            if (queue.size() >= MAX_QUEUED || !ch.isWritable()) {
                paused = true;
                st.paused = true;
                ch.config().setAutoRead(false);
            }
        } else if (!closing && !bodyPaused && queue.size() <= RESUME_QUEUED && ch.isWritable()) {
            paused = false;
            st.paused = false;
            ch.config().setAutoRead(true);
            // Requests may already sit in the decoder's buffer; nothing else would decode them now.
            ctx.executor().execute(this::decodeBuffered);
        }
    }

    private void decodeBuffered() {
        if (closing || paused || upgraded || !ctx.channel().isActive()) return;
        ctx.pipeline().fireChannelRead(Unpooled.EMPTY_BUFFER);
        channelReadComplete(ctx);
    }

    private void closeNow() {
        closing = true;
        st.discard = true;
        ctx.close();
    }

    private void releaseQueued() {
        // Requests after the closing one are dropped; their replies are released on arrival.
        for (var s : queue) {
            s.dropped = true;
            var r = s.reply;
            if (r != null) {
                s.reply = null;
                r.discard();
            }
        }
        queue.clear();
    }

    // ------------------------------------------------------------------------------------ timeouts and shutdown

    private void checkTimeouts() {
        long now = System.nanoTime();
        var cfg = server.config();
        if (closing) {
            // The final reply is written but the client does not read it: do not wait forever.
            if (lingerSince != 0 && now - lingerSince > cfg.idleTimeout().toNanos()) ctx.close();
            return;
        }
        if (streaming != null) return;   // a body on its way out; its producer decides when it ends
        if (st.reading == ConnState.HEADERS && now - st.readStart > cfg.headerTimeout().toNanos()) {
            timeout("Request Timeout: headers not received in time", false);
        } else if (st.reading == ConnState.BODY && now - st.lastProgress > cfg.bodyTimeout().toNanos()) {
            timeout("Request Timeout: body stalled", true);
        } else if (st.reading == ConnState.NONE && queue.isEmpty()) {
            long limit = server.draining() ? DRAIN_IDLE_NANOS
                    : st.sawRequest ? cfg.idleTimeout().toNanos() : cfg.headerTimeout().toNanos();
            if (now - st.idleSince > limit) closeNow();
        }
    }

    private void timeout(String detail, boolean hasHead) {
        var h = hasHead && head != null ? head : null;
        releaseBody();
        if (h != null) {
            reject(h, 408, detail, true);
        } else {
            reject(new io.netty.handler.codec.http.DefaultHttpRequest(HttpVersion.HTTP_1_1,
                    io.netty.handler.codec.http.HttpMethod.GET, "/"), 408, detail, false);
        }
    }

    /**
     * Called on the event loop when the server starts draining. Busy connections finish (their last
     * reply says {@code Connection: close}); an idle one stays open a moment, because a request may be
     * on its way or already in the socket's buffer, and closes if none comes.
     */
    void onDrain() {
        if (info != null) info.drainStarted();   // long-lived bodies (event streams) end cleanly now
        if (closing) return;
        if (isIdle()) {
            ctx.executor().schedule(this::closeIfStillIdle, DRAIN_IDLE_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    private void closeIfStillIdle() {
        if (closing || !isIdle()) return;
        long idle = System.nanoTime() - st.idleSince;
        if (idle >= DRAIN_IDLE_NANOS) closeNow();
        else ctx.executor().schedule(this::closeIfStillIdle, DRAIN_IDLE_NANOS - idle, TimeUnit.NANOSECONDS);
    }

    boolean isIdle() {
        return queue.isEmpty() && streaming == null && st.reading == ConnState.NONE;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    // ------------------------------------------------------------------------------------ for StreamedRequests (event loop only)

    dev.brisk.internal.http.StreamedBody streamedBody() {
        return streamed;
    }

    /** Counts a streamed piece; false when that is over the body's limit. */
    boolean countStreamed(int n) {
        streamedBytes += n;
        st.lastProgress = System.nanoTime();
        return streamedBytes <= streamed.maxLength();
    }

    /** Refuses the request whose streamed body is being read (its consumer is aborted). */
    void refuseStreamed(int status, String detail) {
        var h = head;
        releaseBody();
        if (h != null) reject(h, status, detail, true);
    }

    /** Stops reading until {@link #resumeBody()} (the consumer is busy). */
    void pauseBody() {
        bodyPaused = true;
        ctx.channel().config().setAutoRead(false);
    }

    void resumeBody() {
        bodyPaused = false;
        st.lastProgress = System.nanoTime();
        if (!paused && !closing && ctx.channel().isActive()) {
            ctx.channel().config().setAutoRead(true);
            ctx.executor().execute(this::decodeBuffered);
        }
    }

    /** The streamed body is complete: queue the request in order; it is dispatched once its consumer is done. */
    Slot streamedComplete(RequestView req) {
        var h = head;
        head = null;
        streamed = null;
        continuePending = false;
        st.reading = ConnState.NONE;
        var slot = new Slot(req, h);
        queue.add(slot);
        if (queue.size() >= MAX_QUEUED) updateBackpressure();
        return slot;
    }

    HttpRequest headInProgress() {
        return head;
    }

    ConnectionInfo info() {
        return info;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    boolean dropped(Slot s) {
        return s.dropped || !ctx.channel().isActive();
    }

    /** Exactly one Host header, without allocating a list. */
    private static boolean singleHost(io.netty.handler.codec.http.HttpHeaders headers) {
        var it = headers.valueStringIterator(HttpHeaderNames.HOST);
        if (!it.hasNext()) return false;
        it.next();
        return !it.hasNext();
    }
}
