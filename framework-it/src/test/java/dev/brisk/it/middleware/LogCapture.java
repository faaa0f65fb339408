package dev.brisk.it.middleware;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages logged to one logger while it is open, as slf4j-simple (the test logging backend)
 * writes them: it prints each line to whatever {@code System.err} is at that moment, so this swaps
 * in a stream that keeps the lines of {@code logger} and passes everything on to the real stderr.
 */
final class LogCapture implements AutoCloseable {
    private final String marker;
    private final PrintStream original = System.err;
    private final StringBuilder text = new StringBuilder();

    private LogCapture(String logger) {
        this.marker = " " + logger + " - ";
        var tee = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                original.write(b);
                synchronized (text) {
                    if (b == '\n') {
                        text.append(line.toString(StandardCharsets.UTF_8)).append('\n');
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    static LogCapture of(String logger) {
        return new LogCapture(logger);
    }

    /** The messages of the logger so far (what follows {@code "<logger> - "}), in order. */
    List<String> messages() {
        var out = new ArrayList<String>();
        synchronized (text) {
            for (String l : text.toString().split("\n")) {
                int i = l.indexOf(marker);
                if (i >= 0) out.add(l.substring(i + marker.length()));
            }
        }
        return out;
    }

    /** Waits (up to 5 s) for {@code n} messages: they are written after the response is sent. */
    List<String> await(int n) {
        dev.brisk.it.Eventually.until(() -> messages().size() >= n);
        return messages();
    }

    /** Everything written to stderr while open, of any logger. */
    String all() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
