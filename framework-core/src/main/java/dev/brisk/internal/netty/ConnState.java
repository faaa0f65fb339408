package dev.brisk.internal.netty;

/** Timing state of one connection, shared by the decoder and the connection handler (event loop only). */
final class ConnState {
    static final int NONE = 0, HEADERS = 1, BODY = 2;

    int reading = NONE;
    long readStart;
    long lastProgress;
    long idleSince = System.nanoTime();
    boolean sawRequest;
}
