package dev.brisk.internal.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.RouteHandler;
import dev.brisk.internal.Settings;
import dev.brisk.internal.model.RouteModel;

/** What an extension sees of an app being built. */
public interface ExtensionContext {
    Settings settings();

    /** The user's routes (system routes added by extensions are not in it). */
    RouteModel model();

    ObjectMapper mapper();

    /** Adds a route that is served but not part of the model (so not documented). */
    void systemRoute(String method, String path, RouteHandler handler);
}
