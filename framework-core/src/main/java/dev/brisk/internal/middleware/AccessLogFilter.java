package dev.brisk.internal.middleware;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.model.RouteDef;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One log line per request, written once the response has been sent (or the connection dropped),
 * in logfmt ({@code key=value}, values quoted when they need it):
 *
 * <pre>
 * method=GET path=/items/{id} status=200 bytes=123 duration_ms=1.234 request_id=4f1c...
 * </pre>
 *
 * <p>{@code path} is the route's template when a route matched (so ids and tokens in paths stay
 * out of the log), else the raw path; never the query string, and no header (so no
 * {@code Authorization}, cookies or API keys). {@code bytes} counts the body as sent: 0 for HEAD,
 * 204 and 304; for a streamed body of unknown length the bytes produced, with
 * {@code complete=false} when the stream did not end normally. {@code duration_ms} runs from this
 * filter's {@code before} to the end of the write. {@code request_id} is the response's
 * {@code X-Request-ID}, when there is one.
 */
public final class AccessLogFilter implements Filter {
    private final Logger log;

    public AccessLogFilter(Logger log) {
        this.log = log;
    }

    @Override
    public Reply before(Call call) {
        if (log.isInfoEnabled()) call.filterState(this, System.nanoTime());
        return null;
    }

    @Override
    public Reply after(Call call, Reply reply) {
        Object start = call.filterState(this);
        if (!(start instanceof Long startNanos)) return reply;   // logging was off when the request came
        RequestView req = call.request();
        RouteDef route = call.route();
        String method = req.method();
        String path = route != null ? route.path() : req.rawPath();
        int status = reply.status();
        Body body = reply.body();
        long bytes;
        Counted counted = null;
        if (req.isHead() || status < 200 || status == 204 || status == 304) {
            bytes = 0;
        } else if (body.length() >= 0) {
            bytes = body.length();
        } else if (body instanceof Body.Chunks c) {
            counted = new Counted(c.source());
            reply.body(new Body.Chunks(counted, -1, c.flushEach()));
            bytes = -1;
        } else {
            bytes = -1;
        }
        Counted stream = counted;
        reply.afterSend(() -> {
            long end = System.nanoTime();
            CharSequence id = reply.header(RequestIdFilter.HEADER);
            log.info(line(method, path, status, stream != null ? stream.bytes.get() : bytes,
                    stream == null || stream.completed, end - startNanos, id));
        });
        return reply;
    }

    static String line(String method, String path, int status, long bytes, boolean complete, long nanos, CharSequence requestId) {
        var sb = new StringBuilder(96 + path.length());
        sb.append("method=");
        value(sb, method);
        sb.append(" path=");
        value(sb, path);
        sb.append(" status=").append(status);
        sb.append(" bytes=");
        if (bytes >= 0) sb.append(bytes);
        else sb.append('-');
        if (!complete) sb.append(" complete=false");
        long micros = nanos / 1000;
        sb.append(" duration_ms=").append(micros / 1000).append('.');
        long frac = micros % 1000;
        if (frac < 100) sb.append('0');
        if (frac < 10) sb.append('0');
        sb.append(frac);
        if (requestId != null) {
            sb.append(" request_id=");
            value(sb, requestId);
        }
        return sb.toString();
    }

    /** A logfmt value: as it is when it is plain visible ASCII, else quoted with {@code \"}, {@code \\} and {@code \}uXXXX escapes. */
    static void value(StringBuilder sb, CharSequence v) {
        boolean plain = v.length() > 0;
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c > ' ' && c < 0x7f && c != '"' && c != '\\' && c != '=';
        }
        if (plain) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < ' ' || c >= 0x7f) {
                sb.append("\\u");
                String hex = Integer.toHexString(c);
                for (int k = hex.length(); k < 4; k++) sb.append('0');
                sb.append(hex);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** A streamed body passed through unchanged, its bytes counted as the transport takes them. */
    private static final class Counted implements Flow.Publisher<ByteBuf> {
        private final Flow.Publisher<ByteBuf> source;
        final AtomicLong bytes = new AtomicLong();
        volatile boolean completed;

        Counted(Flow.Publisher<ByteBuf> source) {
            this.source = source;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuf> s) {
            source.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    s.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuf item) {
                    bytes.addAndGet(item.readableBytes());
                    s.onNext(item);
                }

                @Override
                public void onError(Throwable t) {
                    s.onError(t);
                }

                @Override
                public void onComplete() {
                    completed = true;
                    s.onComplete();
                }
            });
        }
    }
}
