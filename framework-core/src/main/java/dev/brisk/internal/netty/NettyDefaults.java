package dev.brisk.internal.netty;

/** System-property defaults Brisk gives Netty; must run before Netty's {@code PlatformDependent} is initialised. */
public final class NettyDefaults {
    private static final String JFR = "io.netty.jfr.enabled";

    private NettyDefaults() {
    }

    /**
     * Netty 4.2's allocator emits JFR events, and the first one sets up the JFR event machinery: ~0.12 s on the
     * event loop while it serves the first request. Brisk turns them off unless the user asked for them
     * ({@code -Dio.netty.jfr.enabled=true}) or a recording is already running, when they cost nothing extra.
     */
    public static void apply() {
        if (System.getProperty(JFR) == null && !recording()) System.setProperty(JFR, "false");
    }

    private static boolean recording() {
        try {
            return jdk.jfr.FlightRecorder.isInitialized();
        } catch (Throwable noJfr) {   // a runtime image without the jdk.jfr module
            return false;
        }
    }
}
