package docs.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.HttpBasic;

public class Keys {
    static final HttpBasic BASIC = HttpBasic.create().realm("admin area");
    static final ApiKeyHeader KEY = ApiKeyHeader.named("X-API-Key");

    @Get("/stats")
    public String stats(BasicCredentials credentials) {
        if (!credentials.matches("admin", "secret")) throw credentials.invalid("Incorrect username or password");
        return "stats for " + credentials.username();
    }

    @Get("/feed")
    public String feed(ApiKey key) {
        if (!key.matches("k-123")) throw key.invalid();
        return "feed";
    }

    public static App app() {
        return App.builder().security(BASIC, KEY).include(new Keys()).build();
    }
}
