package dev.brisk.cache.internal;

import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.SubmissionPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed, file and upgrade replies are never stored nor shared (no route of this module can make them yet, so directly). */
class UnstorableBodiesTest {
    @Test
    void onlyCompleteBytesOrNoBodyAreStorable() throws Exception {
        assertThat(CachedRoute.privateReason(Reply.bytes(200, "text/plain", Unpooled.wrappedBuffer(new byte[] {1})), Set.of())).isNull();
        assertThat(CachedRoute.privateReason(Reply.empty(200), Set.of())).isNull();
        try (var pub = new SubmissionPublisher<ByteBuf>()) {
            assertThat(CachedRoute.privateReason(new Reply(200, "text/event-stream", new Body.Chunks(pub)), Set.of())).isEqualTo("streaming");
        }
        var file = Files.createTempFile("brisk-cache", ".bin");
        try (var ch = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(CachedRoute.privateReason(new Reply(200, "application/octet-stream", new Body.File(ch, 0, 0)), Set.of())).isEqualTo("streaming");
        } finally {
            Files.delete(file);
        }
        var upgrade = new Reply(101, null, new Body.Upgrade(channel -> { }));
        assertThat(CachedRoute.privateReason(upgrade, Set.of())).isEqualTo("upgrade");
    }

    @Test
    void varyAndEncodingAreCheckedAgainstTheKeyHeaders() {
        var r = Reply.empty(200).addHeader("vary", "Accept-Encoding").addHeader("content-encoding", "gzip");
        assertThat(CachedRoute.privateReason(r, Set.of())).isEqualTo("vary");
        assertThat(CachedRoute.privateReason(r, Set.of("accept-encoding"))).isNull();
        assertThat(CachedRoute.privateReason(Reply.empty(200).addHeader("vary", "*"), Set.of("accept"))).isEqualTo("vary");
    }
}
