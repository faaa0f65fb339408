package dev.brisk.internal.model;

/** Where a handler or provider parameter comes from. */
public enum ParamKind {
    PATH("path"), QUERY("query"), HEADER("header"), COOKIE("cookie"), BODY("body"), FORM("body"),
    REQUEST(null), RESPONSE(null), BACKGROUND(null), DEPENDS(null),
    /** The {@code WebSocketSession} of a WebSocket route. */
    WEBSOCKET(null);

    private final String locRoot;

    ParamKind(String locRoot) {
        this.locRoot = locRoot;
    }

    /** The first element of a validation error's {@code loc}; {@code null} for non-wire kinds. */
    public String locRoot() {
        return locRoot;
    }

    /** True for kinds read from the request line, headers or body. */
    public boolean isWire() {
        return locRoot != null;
    }
}
