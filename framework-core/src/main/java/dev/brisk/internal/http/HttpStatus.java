package dev.brisk.internal.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** Reason phrases, as FastAPI/Starlette word them. */
public final class HttpStatus {
    private HttpStatus() {
    }

    public static String reason(int status) {
        return switch (status) {
            case 413 -> "Request Entity Too Large";
            case 422 -> "Unprocessable Entity";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }
}
