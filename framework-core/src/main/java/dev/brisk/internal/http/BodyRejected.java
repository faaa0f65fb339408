package dev.brisk.internal.http;

/** A streamed request body that breaks a limit (413) or is malformed (400): the request is answered with this status. */
public final class BodyRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BodyRejected(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
