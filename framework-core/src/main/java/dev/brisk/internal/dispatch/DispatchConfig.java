package dev.brisk.internal.dispatch;

import dev.brisk.ExceptionHandler;
import dev.brisk.Workers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher's settings.
 *
 * @param workers how plain handlers run
 * @param blockingThreshold how long an event-loop task may run before a warning ({@code ZERO}: off)
 * @param exceptionHandlers the app's exception handlers by type
 * @param middleware the app's middleware, outermost first: user {@code Middleware} and Brisk's {@link Filter}s
 * @param forms limits on form bodies (multipart and urlencoded)
 * @param webSockets the WebSocket limits and checks
 */
public record DispatchConfig(Workers workers, Duration blockingThreshold,
                             Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers, List<Object> middleware,
                             dev.brisk.internal.multipart.FormConfig forms, dev.brisk.WebSocketSettings webSockets) {
    public DispatchConfig(Workers workers, Duration blockingThreshold,
                          Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers, List<Object> middleware) {
        this(workers, blockingThreshold, exceptionHandlers, middleware, dev.brisk.internal.multipart.FormConfig.DEFAULTS,
                dev.brisk.WebSocketSettings.defaults());
    }
}
