package dev.brisk.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ByteProcessor;

import java.util.List;

/**
 * Netty's request decoder with what RFC 9112 requires and Netty tolerates turned into failures:
 * obs-fold header continuation lines, {@code Transfer-Encoding} together with {@code Content-Length},
 * and any byte in the request line other than visible US-ASCII and SP (NUL, bare CR, HTAB and other
 * controls, DEL, bytes above 0x7F: RFC 9112 section 3 allows only {@code method SP request-target SP
 * HTTP-version}, the target in RFC 3986 syntax). The header block is checked once, when complete,
 * before Netty parses it.
 * It also marks when a request's bytes start arriving (for the header timeout), stops decoding
 * while the connection applies back-pressure, and drops everything after a rejected request, so
 * that bytes a client meant as a body are never parsed as the next request.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
    /** Why a request was rejected by this decoder. */
    static final class Rejected extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Rejected(String msg) {
            super(msg, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Stops at the first byte that may not appear in a request line: anything but SP and %x21-7E. */
    private static final ByteProcessor REQUEST_LINE_BYTE = b -> b >= 0x20 && b < 0x7f;

    private final ConnState state;
    private final int maxLine;
    private final int maxHeaders;
    private boolean headerChecked;
    private String reject;

    StrictRequestDecoder(HttpDecoderConfig config, ConnState state) {
        super(config);
        this.state = state;
        this.maxLine = config.getMaxInitialLineLength();
        this.maxHeaders = config.getMaxHeaderSize();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (state.discard) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (state.paused) return; // the bytes stay buffered; HttpConnection re-runs decoding on resume
        if (state.reading == ConnState.NONE && in.isReadable()) {
            state.reading = ConnState.HEADERS;
            state.readStart = System.nanoTime();
        }
        if (state.reading == ConnState.HEADERS && !headerChecked) {
            int start = in.readerIndex(), end = in.writerIndex();
            while (start < end && (in.getByte(start) == '\r' || in.getByte(start) == '\n')) start++;
            long scan = scanHeaderBlock(in, start, end);
            int blank = (int) scan;
            if (blank < 0) {
                int firstLf = in.indexOf(start, end, (byte) '\n');
                boolean lineTooLong = firstLf < 0 ? end - start > maxLine + 2 : firstLf - start > maxLine + 2;
                if (!lineTooLong && end - start <= maxLine + maxHeaders + 4) return; // wait for the whole block
            } else {
                headerChecked = true;
                int bad = firstInvalidRequestLineByte(in, start);
                if (bad >= 0) reject = "invalid byte 0x" + hex(in.getByte(bad)) + " in the request line";
                else if ((scan >>> 32) != 0) reject = "obs-fold header continuation lines are not allowed";
            }
        }
        int before = out.size();
        super.decode(ctx, in, out);
        for (int i = before; i < out.size(); i++) {
            if (out.get(i) instanceof HttpMessage m) {
                headerChecked = false;
                // Our reason replaces Netty's vaguer one, except a size limit's (414/431 say more)
                if (reject != null && !(m.decoderResult().cause() instanceof TooLongFrameException)) {
                    m.setDecoderResult(DecoderResult.failure(new Rejected(reject)));
                }
                reject = null;
            }
        }
    }

    /**
     * One pass over the header block: the low 32 bits hold the index of the '\n' that ends the blank
     * line closing the block (-1 if it has not fully arrived), bit 32 says whether a line began with
     * a space or tab (obs-fold).
     */
    private static long scanHeaderBlock(ByteBuf in, int start, int end) {
        final long incomplete = 0xFFFFFFFFL;   // (int) -1
        long fold = 0;
        int i = start;
        while (i < end) {
            int lf = in.indexOf(i, end, (byte) '\n');
            if (lf < 0) return incomplete | fold;
            int next = lf + 1;
            if (next >= end) return incomplete | fold;
            byte b = in.getByte(next);
            if (b == '\n') return next | fold;
            if (b == '\r') {
                if (next + 1 >= end) return incomplete | fold;
                if (in.getByte(next + 1) == '\n') return (next + 1) | fold;
            } else if (b == ' ' || b == '\t') {
                fold = 1L << 32;
            }
            i = next;
        }
        return incomplete | fold;
    }

    /** The index of the first byte of the request line (which starts at {@code start} and is complete) that is not allowed, or -1. */
    private static int firstInvalidRequestLineByte(ByteBuf in, int start) {
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        return end <= start ? -1 : in.forEachByte(start, end - start, REQUEST_LINE_BYTE);
    }

    private static String hex(byte b) {
        String h = Integer.toHexString(b & 0xff).toUpperCase(java.util.Locale.ROOT);
        return h.length() == 1 ? "0" + h : h;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        // The client has sent all it will: decode every complete request still buffered, paused or not.
        if (evt instanceof ChannelInputShutdownEvent) state.paused = false;
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        reject = "Transfer-Encoding and Content-Length must not both be present";
        super.handleTransferEncodingChunkedWithContentLength(message);
    }
}
