package dev.brisk.internal.http;

/** Where a request's {@link Reply} goes; called exactly once per request, from any thread. */
@FunctionalInterface
public interface ReplySink {
    void reply(Reply reply);
}
