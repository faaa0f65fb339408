package dev.brisk.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response read as it arrives, for streamed bodies and event streams, infinite ones included:
 * {@code try (var s = client.request("GET", "/ticks").stream()) { s.nextEvent() ... }}. It has a
 * connection of its own; {@link #close()} closes it, which the server sees as the client going away.
 * Every read waits at most the given time (the client's timeout by default) and fails the test
 * with an {@code AssertionError} when nothing comes, or when the server cuts the connection before
 * the body ends (a failed stream).
 */
public final class TestStream implements AutoCloseable {
    private static final Object END = new Object();
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setMaxInitialLineLength(64 * 1024).setMaxHeaderSize(1024 * 1024).setMaxChunkSize(1024 * 1024);

    private final String line;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Channel channel;
    private final LinkedBlockingQueue<Object> pieces;
    private final int status;
    private final Map<String, List<String>> headers;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long received;
    private boolean ended;

    private TestStream(String line, Duration timeout, ObjectMapper mapper, Channel channel, HttpResponse head,
                       LinkedBlockingQueue<Object> pieces) {
        this.line = line;
        this.pieces = pieces;
        this.timeout = timeout;
        this.mapper = mapper;
        this.channel = channel;
        this.status = head.status().code();
        var map = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        for (var e : head.headers()) map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        map.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(map);
    }

    static TestStream open(EventLoopGroup group, LocalAddress address, FullHttpRequest request, String line, Duration timeout,
                           ObjectMapper mapper) {
        var head = new CompletableFuture<HttpResponse>();
        var queue = new LinkedBlockingQueue<Object>();
        var boot = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(DECODER, false, false), new SimpleChannelInboundHandler<HttpObject>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                        if (msg instanceof HttpResponse r) {
                            int code = r.status().code();
                            if (code >= 100 && code < 200 && code != 101) return;
                            head.complete(r);
                        }
                        if (msg instanceof HttpContent c) {
                            if (c.content().isReadable()) queue.add(ByteBufUtil.getBytes(c.content()));
                            if (c instanceof LastHttpContent) queue.add(END);
                        }
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        head.completeExceptionally(new IllegalStateException("the server closed the connection without answering"));
                        queue.add(Cut.CUT);
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        queue.add(cause);
                        ctx.close();
                    }
                });
            }
        });
        var f = boot.connect(address);
        if (!f.awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS) || !f.isSuccess()) {
            request.release();
            f.channel().close();
            throw new AssertionError("Cannot connect to the in-VM server for " + line);
        }
        Channel ch = f.channel();
        ch.writeAndFlush(request);
        HttpResponse r;
        try {
            r = head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            ch.close();
            throw new AssertionError("No response head to " + line + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new IllegalStateException("Interrupted while waiting for " + line, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("No response to " + line + ": " + e.getCause().getMessage(), e.getCause());
        }
        return new TestStream(line, timeout, mapper, ch, r, queue);
    }

    private enum Cut { CUT }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        var v = headers.get(name);
        return v == null ? null : v.get(0);
    }

    /** Every header with its values; keys match case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The next piece of the body as received, waiting up to the client's timeout; empty at the end of the body. */
    public Optional<byte[]> nextChunk() {
        return nextChunk(timeout);
    }

    /** The next piece of the body as received, waiting up to {@code wait}; empty at the end of the body. */
    public Optional<byte[]> nextChunk(Duration wait) {
        if (pending.size() > 0) {
            byte[] b = pending.toByteArray();
            pending.reset();
            return Optional.of(b);
        }
        return Optional.ofNullable(take(wait, "no more of the body"));
    }

    /** The next event of an event stream (comment-only blocks such as keep-alives skipped); empty at the end. */
    public Optional<TestEvent> nextEvent() {
        return nextEvent(timeout);
    }

    /** The next event, waiting up to {@code wait} for it; empty at the end of the stream. */
    public Optional<TestEvent> nextEvent(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (;;) {
            byte[] buf = pending.toByteArray();
            int end = blockEnd(buf);
            if (end >= 0) {
                pending.reset();
                pending.write(buf, end, buf.length - end);
                TestEvent e = parse(new String(buf, 0, end, StandardCharsets.UTF_8));
                if (e != null) return Optional.of(e);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("No event from " + line + " within " + wait.toMillis() + " ms (received so far: "
                    + new String(buf, StandardCharsets.UTF_8) + ")");
            byte[] more = take(Duration.ofNanos(left), "no event");
            if (more == null) {
                if (buf.length > 0 && !new String(buf, StandardCharsets.UTF_8).isBlank()) {
                    throw new AssertionError("The event stream of " + line + " ended inside an event: " + new String(buf, StandardCharsets.UTF_8));
                }
                return Optional.empty();
            }
            pending.write(more, 0, more.length);
        }
    }

    /** The rest of the body, until its end (at most the client's timeout). */
    public byte[] readAll() {
        long deadline = System.nanoTime() + timeout.toNanos();
        var out = new ByteArrayOutputStream();
        out.write(pending.toByteArray(), 0, pending.size());
        pending.reset();
        for (;;) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("The body of " + line + " did not end within " + timeout.toMillis() + " ms");
            byte[] b = take(Duration.ofNanos(left), "the end of the body");
            if (b == null) return out.toByteArray();
            out.write(b, 0, b.length);
        }
    }

    /** The rest of the body as UTF-8 text. */
    public String readText() {
        return new String(readAll(), StandardCharsets.UTF_8);
    }

    /** Bytes of the body received so far. */
    public long received() {
        return received;
    }

    /** Closes the connection: for the server, the client went away. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private byte[] take(Duration wait, String what) {
        if (ended) return null;
        Object o;
        try {
            o = pieces.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + line, e);
        }
        if (o == null) throw new AssertionError("Nothing more from " + line + " within " + wait.toMillis() + " ms (" + what + " after "
                + received + " bytes)");
        if (o == END) {
            ended = true;
            return null;
        }
        if (o == Cut.CUT) {
            ended = true;
            throw new AssertionError("The server closed the connection before the body of " + line + " ended (after " + received
                    + " bytes): the stream failed");
        }
        if (o instanceof Throwable t) {
            ended = true;
            throw new AssertionError("Reading the body of " + line + " failed: " + t, t);
        }
        byte[] b = (byte[]) o;
        received += b.length;
        return b;
    }

    /** The end of the first complete event block (after its blank line), or -1. */
    private static int blockEnd(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && i + 1 < b.length && b[i + 1] == '\n') return i + 2;
            if (b[i] == '\r' && i + 1 < b.length) {
                if (b[i + 1] == '\r') return i + 2;
                if (b[i + 1] == '\n' && i + 3 < b.length && b[i + 2] == '\r' && b[i + 3] == '\n') return i + 4;
            }
        }
        return -1;
    }

    /** One block as EventSource reads it; null when it holds only comments. */
    private TestEvent parse(String block) {
        String event = "message";
        StringBuilder data = null;
        String id = null;
        Long retry = null;
        var comments = new ArrayList<String>();
        boolean fields = false;
        for (String l : block.split("\r\n|\r|\n")) {
            if (l.isEmpty()) continue;
            if (l.startsWith(":")) {
                comments.add(l.startsWith(": ") ? l.substring(2) : l.substring(1));
                continue;
            }
            int colon = l.indexOf(':');
            String name = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            fields = true;
            switch (name) {
                case "event" -> event = value;
                case "data" -> {
                    if (data == null) data = new StringBuilder(value);
                    else data.append('\n').append(value);
                }
                case "id" -> {
                    if (value.indexOf('\0') < 0) id = value;
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) retry = Long.parseLong(value);
                }
                default -> { }
            }
        }
        if (!fields) return null;
        return new TestEvent(event, data == null ? "" : data.toString(), id, retry, comments, mapper);
    }

    @Override
    public String toString() {
        return "TestStream[" + line + " -> " + status + ", " + received + " bytes so far" + (ended ? ", ended" : "") + "]";
    }
}
