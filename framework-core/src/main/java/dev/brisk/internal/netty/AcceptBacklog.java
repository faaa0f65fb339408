package dev.brisk.internal.netty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many connections wait in a listening socket's accept queue: on Linux, the {@code rx_queue}
 * of a listening socket in {@code /proc/net/tcp} and {@code tcp6} is exactly that. Draining uses it
 * to accept every connection that reached the server before closing the listener (closing it would
 * reset them). -1 where it cannot be read.
 */
final class AcceptBacklog {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private AcceptBacklog() {
    }

    static int pending(int port) {
        if (port <= 0) return -1;
        String hexPort = String.format(":%04X", port);
        int total = 0;
        boolean found = false;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 5 || !f[1].endsWith(hexPort) || !f[3].equals(LISTEN)) continue;
                int colon = f[4].indexOf(':');
                if (colon < 0) continue;
                try {
                    total += Integer.parseInt(f[4].substring(colon + 1), 16);
                    found = true;
                } catch (NumberFormatException ignored) {
                    // not this kernel's format: treat as unknown
                }
            }
        }
        return found ? total : -1;
    }
}
