package dev.brisk.test;

/**
 * A checked exception that the app threw while answering a request (and answered with 500),
 * re-thrown by {@link TestClient} in the test. The app's exception is the {@linkplain #getCause() cause};
 * unchecked exceptions and errors are re-thrown as they are, without this wrapper.
 */
public final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerException(String request, Throwable cause) {
        super("The app failed answering " + request + ": " + cause, cause);
    }
}
