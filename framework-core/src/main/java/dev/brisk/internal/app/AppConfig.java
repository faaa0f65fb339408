package dev.brisk.internal.app;

import dev.brisk.App;
import dev.brisk.internal.dispatch.DispatchConfig;
import dev.brisk.internal.netty.ServerConfig;
import dev.brisk.internal.scan.RouteSources;
import dev.brisk.internal.spi.ApiInfo;
import dev.brisk.internal.spi.DocsConfig;

import java.util.List;

/**
 * What {@code App.Builder} collected, split by the part of Brisk that consumes it.
 *
 * @param features the {@code dev.brisk.Feature}s installed, for the extensions that take them up
 */
public record AppConfig(RouteSources sources, ApiInfo api, DocsConfig docs, ServerConfig server,
                        DispatchConfig dispatch, List<App.Hook> startup, List<App.Hook> shutdown,
                        List<Object> features) {
}
