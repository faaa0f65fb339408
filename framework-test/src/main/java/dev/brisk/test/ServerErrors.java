package dev.brisk.test;

import dev.brisk.internal.dispatch.Responder;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Collects the exceptions an app answers with 500, for the requests in flight at that moment.
 *
 * <p>Core reports them through one app-wide listener ({@link Responder#serverErrorListener}), called
 * before the 500 is written. Each TestClient has one request in flight at most, so while a single
 * client talks to an app (the normal case) an exception lands exactly on the request it belongs to.
 * Several clients of one app at the same moment each see every exception raised meanwhile; a request
 * that gets a 500 then re-throws the first one, which may belong to a neighbour. Nothing of this runs
 * on the request path of successful requests.
 */
final class ServerErrors implements Consumer<Throwable> {
    private static final Map<Responder, ServerErrors> ATTACHED = new IdentityHashMap<>();

    private final Responder responder;
    private final Consumer<Throwable> previous;
    private final Set<Slot> inFlight = ConcurrentHashMap.newKeySet();
    private int clients;

    private ServerErrors(Responder responder) {
        this.responder = responder;
        this.previous = responder.serverErrorListener;
    }

    /** The collector of this app's responder, installed on first use; pair with {@link #detach()}. */
    static ServerErrors attach(Responder responder) {
        synchronized (ATTACHED) {
            var errors = ATTACHED.computeIfAbsent(responder, ServerErrors::new);
            if (errors.clients++ == 0) responder.serverErrorListener = errors;
            return errors;
        }
    }

    /** Restores the app's previous listener when the last client lets go. */
    void detach() {
        synchronized (ATTACHED) {
            if (--clients > 0) return;
            ATTACHED.remove(responder);
            if (responder.serverErrorListener == this) responder.serverErrorListener = previous;
        }
    }

    @Override
    public void accept(Throwable t) {
        for (var slot : inFlight) slot.errors.add(t);
        var p = previous;
        if (p != null) p.accept(t);
    }

    /** Opens a slot for one request, before it is written. */
    Slot begin() {
        var slot = new Slot();
        inFlight.add(slot);
        return slot;
    }

    /** Closes the slot once the response arrived (or the request failed). */
    void end(Slot slot) {
        inFlight.remove(slot);
    }

    /** The exceptions seen while one request was in flight. */
    static final class Slot {
        private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

        /** The first exception answered with 500 while the request was in flight, or null. */
        Throwable first() {
            return errors.peek();
        }
    }
}
