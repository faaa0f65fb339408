package dev.brisk.internal.netty;

/** Timing and flow state of one connection, shared by the decoder and the connection handler (event loop only). */
final class ConnState {
    static final int NONE = 0, HEADERS = 1, BODY = 2;

    int reading = NONE;
    long readStart;
    long lastProgress;
    long idleSince = System.nanoTime();
    boolean sawRequest;
    /** Decode nothing more for now (too many queued responses, or the client is not reading them). */
    boolean paused;
    /** The connection is closing after a rejected request: the bytes that follow are dropped unparsed. */
    boolean discard;
}
