package dev.brisk.test.docs;

// tag::profile-app[]
import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;

public class ProfileApp {
    public record User(String name) {}

    @Provides
    public User currentUser(@Header("Authorization") String authorization) {
        if (!authorization.equals("Bearer " + System.getenv("ADMIN_TOKEN"))) {
            throw new HttpException(401, "Not authenticated");
        }
        return new User("admin");
    }

    @Get("/me")
    public User me(@Depends User user) {
        return user;
    }

    public static App app() {
        return App.builder().include(new ProfileApp()).build();
    }
}
// end::profile-app[]
