package docs.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.security.AnyOf;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BearerToken;
import dev.brisk.security.Credentials;
import dev.brisk.security.HttpBearer;

import java.util.Optional;

public class Either {
    static final AnyOf TOKEN_OR_KEY = AnyOf.of(HttpBearer.create(), ApiKeyQuery.named("api_key"));

    public record Caller(String name) {}

    @Provides
    public static Caller caller(Credentials credentials) {
        if (credentials instanceof BearerToken token && token.matches("t-1")) return new Caller("token holder");
        if (credentials instanceof ApiKey key && key.matches("k-1")) return new Caller("key holder");
        throw credentials.invalid();
    }

    @Get("/report")
    public String report(Caller caller) {
        return "report for " + caller.name();
    }

    @Get("/hello")                                    // Optional: empty without credentials, never 401 for that
    public String hello(Optional<Credentials> credentials) {
        return credentials.isPresent() ? "hello again" : "hello, stranger";
    }

    public static App app() {
        return App.builder().security(TOKEN_OR_KEY).include(new Either()).build();
    }
}
