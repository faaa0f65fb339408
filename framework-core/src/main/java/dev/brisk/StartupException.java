package dev.brisk;

/**
 * The app cannot be built or started: a route, dependency or setting is wrong, a startup hook
 * failed, or the port is taken. The message names the culprit (class and method, or address) and
 * usually the fix. Thrown by {@link App.Builder#build()}, {@link App#start(int)} and {@link App#run(int)}.
 */
public class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public StartupException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
