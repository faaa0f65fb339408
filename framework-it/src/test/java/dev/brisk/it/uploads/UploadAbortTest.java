package dev.brisk.it.uploads;

import dev.brisk.App;
import dev.brisk.FormLimits;
import dev.brisk.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that leaves half-way through an upload, over a real socket, leaves no temporary file behind. */
class UploadAbortTest {
    @TempDir
    static Path spool;
    static Server server;

    @BeforeAll
    static void start() {
        server = App.builder().docs(false).eventLoops(1).include(new UploadRoutes(spool))
                .formLimits(FormLimits.defaults().tempDirectory(spool).spoolThreshold(1024)).build().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close(java.time.Duration.ZERO);
    }

    static long spoolFiles() throws Exception {
        try (var s = Files.list(spool)) {
            return s.count();
        }
    }

    @Test
    void aSpoolFileIsDeletedWhenTheClientLeaves() throws Exception {
        try (var s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n";
            out.write(("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n"
                    + head).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[200_000]);
            out.flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (spoolFiles() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(spoolFiles()).as("the upload is being spooled").isEqualTo(1);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (spoolFiles() > 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(spoolFiles()).as("spool files after the client left").isZero();
    }
}
