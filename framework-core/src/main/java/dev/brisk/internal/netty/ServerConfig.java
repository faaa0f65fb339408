package dev.brisk.internal.netty;

import java.time.Duration;

/**
 * The transport's settings.
 *
 * @param eventLoops number of event loops
 * @param maxBodySize largest accepted request body in bytes (413 above)
 * @param headerTimeout time for a request's line and headers to arrive (408 after)
 * @param bodyTimeout time a request body may stall (408 after)
 * @param idleTimeout time an idle keep-alive connection stays open
 * @param shutdownGrace time {@code close()} waits for in-flight requests
 */
public record ServerConfig(int eventLoops, long maxBodySize, Duration headerTimeout, Duration bodyTimeout,
                           Duration idleTimeout, Duration shutdownGrace) {
}
