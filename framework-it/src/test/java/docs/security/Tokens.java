package docs.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.security.BearerToken;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.OAuth2PasswordRequestForm;
import dev.brisk.security.Scopes;
import dev.brisk.security.Secrets;
import dev.brisk.security.SecurityScopes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public class Tokens {
    public static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/token")
            .scope("items:read", "Read items").scope("admin", "Change everything");

    public record User(String name, List<String> scopes) {}
    public record Token(String access_token, String token_type) {}

    static final Map<String, User> USERS_BY_TOKEN = Map.of("t-ann", new User("ann", List.of("items:read")));

    @Post("/token")                                   // OAuth2's password flow: a form with username and password
    public Token login(OAuth2PasswordRequestForm form) {
        boolean user = Secrets.constantTimeEquals(form.username(), "ann");
        boolean password = Secrets.constantTimeEquals(form.password(), "pw");
        if (!(user & password)) throw new HttpException(400, "Incorrect username or password");
        return new Token("t-ann", "bearer");
    }

    @Provides                                         // no bearer token: 401 before this runs
    public static User currentUser(BearerToken token, SecurityScopes scopes) {
        User user = Optional.ofNullable(USERS_BY_TOKEN.get(token.value())).orElseThrow(token::invalid);
        scopes.check(user.scopes());                  // 403 unless the token has every scope the route needs
        return user;
    }

    @Get("/me")
    public User me(User user) {
        return user;
    }

    @Get("/admin")
    @Scopes("admin")
    public User admin(User user) {
        return user;
    }

    public static App app() {
        return App.builder().security(OAUTH).include(new Tokens()).build();
    }
}
