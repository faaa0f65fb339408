package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.HttpsRedirect;
import dev.brisk.Middleware;
import dev.brisk.StartupException;
import dev.brisk.TrustedHost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid settings of GZip, TrustedHost and HttpsRedirect fail startup with a message (CORS: CorsStartupRefusalTest). */
class BuiltinMiddlewareSettingsTest {
    /** The built-ins share no supertype but Middleware, so a list of them is a List<Middleware> (this must compile). */
    @Test
    void builtInsMixInAListOfMiddleware() {
        var list = java.util.List.of(GZip.create(), TrustedHost.of("localhost"), dev.brisk.RequestId.create());
        java.util.List<Middleware> typed = list;
        org.assertj.core.api.Assertions.assertThat(App.builder().docs(false).middleware(typed.toArray(Middleware[]::new)).build()).isNotNull();
        assertThatThrownBy(() -> GZip.create().handle(null, null)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("register it with App.Builder.middleware");
    }
    private static void refused(Middleware m, String message) {
        assertThatThrownBy(() -> App.builder().middleware(m).build()).isInstanceOf(StartupException.class).hasMessageContaining(message);
    }

    @Test
    void gzip() {
        refused(GZip.minimumSize(-1), "GZip: minimumSize must be >= 0");
        refused(GZip.create().level(0), "GZip: level must be 1 (fastest) to 9 (smallest)");
        refused(GZip.create().level(10), "GZip: level must be 1");
    }

    @Test
    void trustedHost() {
        refused(TrustedHost.of(), "TrustedHost: no hosts given");
        refused(TrustedHost.of("https://example.com"), "is a URL; give the host name alone");
        refused(TrustedHost.of("example.com:8080"), "has a port; ports are not compared");
        refused(TrustedHost.of("a.*.example.com"), "has a '*' that is not a leading \"*.\"");
        refused(TrustedHost.of("*.exa mple.com"), "is not a valid pattern");
        refused(TrustedHost.of("exa mple.com"), "is not a valid host name");
        refused(TrustedHost.of("*", "example.com"), "\"*\" allows every host; give it alone");
    }

    @Test
    void httpsRedirect() {
        refused(HttpsRedirect.behindProxies("proxy.internal"), "\"proxy.internal\" is not an IP address or CIDR block");
        refused(HttpsRedirect.behindProxies("10.0.0.0/33"), "invalid prefix length (0..32)");
        refused(HttpsRedirect.behindProxies("10.0.0.0/x"), "invalid prefix length");
        refused(HttpsRedirect.behindProxies("10.1.0.0/8"), "has bits set after its prefix");
        refused(HttpsRedirect.behindProxies("fd00::/129"), "invalid prefix length (0..128)");
        refused(HttpsRedirect.behindProxies().httpsPort(0), "httpsPort must be 1..65535");
        refused(HttpsRedirect.behindProxies().httpsPort(65536), "httpsPort must be 1..65535");
    }
}
