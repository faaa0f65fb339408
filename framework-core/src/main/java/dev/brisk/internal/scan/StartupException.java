package dev.brisk.internal.scan;

/** A problem found while building the app; the message names the class and method. */
public final class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
