package dev.brisk.internal.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import dev.brisk.RouteHandler;
import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.dispatch.RouteHook;
import dev.brisk.internal.http.StopSignal;
import dev.brisk.internal.model.RouteDef;
import dev.brisk.internal.model.RouteModel;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** What an extension sees of an app being built, and how it plugs in. */
public interface ExtensionContext {
    ApiInfo api();

    DocsConfig docs();

    /** The user's routes (system routes added by extensions are not in it). */
    RouteModel model();

    /** The app's databind mapper, made on this call if nothing has made it yet: ask for it when it is used. */
    ObjectMapper mapper();

    /** Jackson for the app: the streaming factory at once, the mapper when first asked for. */
    dev.brisk.internal.json.JsonSupport json();

    /** Adds a route that is served but not part of the model (so not documented); app middleware apply to it. */
    void systemRoute(String method, String path, RouteHandler handler);

    /** Offers a hook for each route; the factory decides by the route's annotations (empty: none). */
    void routeHook(Function<RouteDef, Optional<RouteHook>> factory);

    /** Sees every request of every server the app starts. */
    void requestListener(RequestListener listener);

    /** Adds a filter to every request, inside the app's own middleware. */
    void middleware(Filter filter);

    /** Runs at startup (after the app's own hooks) and at shutdown (before them). */
    void lifecycle(App.Hook onStartup, App.Hook onShutdown);

    /** The app's value for {@code key}, made by {@code init} on first use (one per app, shared by threads). */
    <T> T state(Class<T> key, Supplier<T> init);

    /**
     * The features of {@code type} the app installed ({@code App.Builder.install}), in order; asking
     * takes them up (a feature no extension asks for fails the build).
     */
    <T> List<T> features(Class<T> type);

    /** Called with each server of the app once it listens ({@code started}), and after it has stopped. */
    void servers(Consumer<ServerHandle> started, Consumer<ServerHandle> stopped);

    /**
     * Fired when the app stops serving (shutdown, or a dev-mode reload replacing it): streams and
     * WebSockets an extension keeps open end on it, so that draining does not wait for them.
     */
    StopSignal stopSignal();
}
