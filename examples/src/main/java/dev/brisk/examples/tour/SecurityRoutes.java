package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Router;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScopes;
import dev.brisk.security.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tour's security area: OAuth2's password flow ({@code POST /tour/token} gives alice a bearer
 * token, {@code GET /tour/me} needs one, {@code GET /tour/admin} needs the {@code admin} scope alice
 * lacks), HTTP Basic ({@code GET /tour/basic}) and an API key header ({@code GET /tour/key}). Every
 * scheme shows in {@code /docs}, whose Authorize dialog logs in with them.
 *
 * <p>Tokens are signed, not stored: {@code base64url(user|scopes|expiry).base64url(HMAC-SHA256)} with a
 * key made at startup, so logging in many times costs no memory.
 */
@Router(prefix = "/tour", tags = "security")
public final class SecurityRoutes {
    /** Bearer tokens from {@code POST /tour/token}. */
    public static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/tour/token")
            .scope("items:read", "Read the tour's items").scope("admin", "Administer the tour");
    /** {@code admin} / {@code secret}. */
    public static final HttpBasic BASIC = HttpBasic.create().realm("tour");
    /** {@code X-API-Key: k-123}. */
    public static final ApiKeyHeader API_KEY = ApiKeyHeader.named("X-API-Key");

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    /** The answer of the token route, as OAuth2 spells it. */
    public record Token(String access_token, String token_type) {
    }

    /** Who a request is from. */
    public record Me(String username) {
    }

    /** A holder of a valid bearer token, with the scopes it was given. */
    public record TokenUser(String username, List<String> scopes) {
    }

    private final Tokens tokens;

    public SecurityRoutes() {
        this(Clock.systemUTC());
    }

    SecurityRoutes(Clock clock) {
        this.tokens = new Tokens(clock);
    }

    /** Adds the area to an app: the three schemes and these routes. */
    public static void install(App.Builder builder) {
        builder.security(OAUTH, BASIC, API_KEY).include(new SecurityRoutes());
    }

    /** An app with only this area (for the Swagger UI check in CI). */
    public static App app() {
        var b = App.builder().title("Brisk tour: security").version("1.0.0");
        install(b);
        return b.build();
    }

    /** {@code SecurityRoutes [--port N]}: serves {@link #app()} (default port 8000). */
    public static void main(String[] args) {
        int port = 8000;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--port")) port = Integer.parseInt(args[i + 1]);
        app().run(port);
    }

    @Post(value = "/token", summary = "Log in", description = "OAuth2's password flow: user `alice`, password `wonderland`.")
    public Token token(OAuth2PasswordRequestForm form) {
        boolean user = Secrets.constantTimeEquals(form.username(), "alice");
        boolean password = Secrets.constantTimeEquals(form.password(), "wonderland");
        if (!(user & password)) throw new HttpException(400, "Incorrect username or password");
        return new Token(tokens.issue("alice", List.of("items:read")), "bearer");
    }

    /** The holder of a valid token that has every scope the route needs. */
    @Provides
    public TokenUser currentUser(@Depends("OAuth2PasswordBearer") BearerToken token, SecurityScopes scopes) {
        TokenUser user = tokens.verify(token.value()).orElseThrow(token::invalid);
        scopes.check(user.scopes());
        return user;
    }

    @Get(value = "/me", summary = "Who am I", description = "Needs a bearer token from `POST /tour/token`.")
    public Me me(TokenUser user) {
        return new Me(user.username());
    }

    @Get(value = "/admin", summary = "Administer", description = "Needs the `admin` scope, which alice's token lacks: 403.")
    @Scopes("admin")
    public Me admin(TokenUser user) {
        return new Me(user.username());
    }

    @Get(value = "/basic", summary = "HTTP Basic", description = "User `admin`, password `secret`.")
    public Me basic(BasicCredentials credentials) {
        if (!credentials.matches("admin", "secret")) throw credentials.invalid("Incorrect username or password");
        return new Me(credentials.username());
    }

    @Get(value = "/key", summary = "API key", description = "Header `X-API-Key: k-123`.")
    public Me key(ApiKey key) {
        if (!key.matches("k-123")) throw key.invalid();
        return new Me("api-key client");
    }

    /** Signed tokens: nothing is stored, a forged or expired one fails verification. */
    static final class Tokens {
        private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
        private static final Base64.Decoder DEC = Base64.getUrlDecoder();

        private final SecretKeySpec key;
        private final Clock clock;

        Tokens(Clock clock) {
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            this.key = new SecretKeySpec(bytes, "HmacSHA256");
            this.clock = clock;
        }

        String issue(String username, List<String> scopes) {
            long expires = clock.instant().plus(TOKEN_LIFETIME).getEpochSecond();
            byte[] payload = (username + "|" + String.join(" ", scopes) + "|" + expires).getBytes(StandardCharsets.UTF_8);
            return ENC.encodeToString(payload) + "." + ENC.encodeToString(mac(payload));
        }

        Optional<TokenUser> verify(String token) {
            int dot = token.indexOf('.');
            if (dot < 0) return Optional.empty();
            byte[] payload;
            byte[] signature;
            try {
                payload = DEC.decode(token.substring(0, dot));
                signature = DEC.decode(token.substring(dot + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!Secrets.constantTimeEquals(signature, mac(payload))) return Optional.empty();
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) return Optional.empty();
            return Optional.of(new TokenUser(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(" "))));
        }

        private byte[] mac(byte[] payload) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(payload);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }
    }
}
