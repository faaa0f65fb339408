package dev.brisk.internal.netty;

import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.PreparedHeaders;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prepared header lines (a cache's hits share them) are sent exactly as the same headers added one
 * by one; a reply that changes its headers first takes copies of its own, so the lines and the other
 * replies sharing them stay as they were.
 */
class PreparedHeadersTest {
    private static final CharSequence[] NAMES = {"etag", new AsciiString("cache-control"), "age", "vary"};
    private static final CharSequence[] VALUES = {"\"abc\"", "max-age=60", new AsciiString("3"), "Accept-Language"};
    private final PreparedHeaders prepared = PreparedHeaders.of(NAMES, VALUES);

    private static String encode(Reply r) {
        ByteBuf b = ResponseEncoder.head(UnpooledByteBufAllocator.DEFAULT, r, 5, 0, 0);
        try {
            String s = b.toString(StandardCharsets.US_ASCII);
            return s.substring(0, s.indexOf("date: "));   // the Date line changes every second
        } finally {
            b.release();
        }
    }

    private static Reply oneByOne() {
        var r = new Reply(200, "text/plain", Body.EMPTY);
        for (int i = 0; i < NAMES.length; i++) r.addHeader(NAMES[i], VALUES[i]);
        return r;
    }

    @Test
    void preparedLinesAreSentAsTheSameHeadersAddedOneByOne() {
        Reply r = Reply.prepared(200, "text/plain", Body.EMPTY, prepared);
        assertThat(r.preparedHeaders()).isSameAs(prepared);
        assertThat(encode(r)).isEqualTo(encode(oneByOne()))
                .isEqualTo("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\netag: \"abc\"\r\ncache-control: max-age=60\r\nage: 3\r\n"
                        + "vary: Accept-Language\r\ncontent-length: 5\r\n");
        assertThat(r.header("Age")).hasToString("3");
        assertThat(r.headerCount()).isEqualTo(4);
    }

    @Test
    void everyChangeTakesCopiesAndLeavesTheOthersAlone() {
        Reply untouched = Reply.prepared(200, "text/plain", Body.EMPTY, prepared);
        String before = encode(untouched);
        for (var change : new java.util.function.Consumer[] {
                x -> ((Reply) x).addHeader("x-extra", "1"),
                x -> ((Reply) x).setHeader("age", "9"),
                x -> ((Reply) x).removeHeader("etag"),
                x -> ((Reply) x).addHeaderToken("vary", "Accept-Encoding"),
                x -> ((Reply) x).clearHeaders()}) {
            Reply changed = Reply.prepared(200, "text/plain", Body.EMPTY, prepared);
            Reply expected = oneByOne();
            @SuppressWarnings("unchecked") var c = (java.util.function.Consumer<Reply>) change;
            c.accept(changed);
            c.accept(expected);
            assertThat(changed.preparedHeaders()).isNull();
            assertThat(encode(changed)).isEqualTo(encode(expected));
            assertThat(encode(untouched)).isEqualTo(before);
            assertThat(encode(Reply.prepared(200, "text/plain", Body.EMPTY, prepared))).isEqualTo(before);
        }
        // The content type is a field of its own: changing it keeps the prepared lines.
        Reply typed = Reply.prepared(200, "text/plain", Body.EMPTY, prepared).contentType("text/html");
        assertThat(typed.preparedHeaders()).isSameAs(prepared);
        assertThat(encode(typed)).startsWith("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\netag:");
    }

    @Test
    void neitherTheContentTypeNorConnectionCanBePrepared() {
        assertThatThrownBy(() -> PreparedHeaders.of(new CharSequence[] {"Content-Type"}, new CharSequence[] {"text/plain"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PreparedHeaders.of(new CharSequence[] {"connection"}, new CharSequence[] {"close"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
