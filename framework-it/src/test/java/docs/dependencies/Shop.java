package docs.dependencies;

import dev.brisk.*;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

public class Shop {
    public record User(String name) {}
    public record Paging(int skip, int limit) {}

    public static final class Session implements AutoCloseable {
        public static final List<String> LOG = new CopyOnWriteArrayList<>();
        public Session() { LOG.add("open"); }
        @Override public void close() { LOG.add("close"); }
    }

    public static final class Providers {
        @Provides                                    // parameters are bound like a handler's
        public static User currentUser(@Header String authorization) {
            if (!authorization.equals("Bearer s3cret")) throw new HttpException(401, "Not authenticated");
            return new User("ann");
        }

        @Provides
        public static Paging paging(@Query(defaultValue = "0") int skip, @Query(defaultValue = "10") int limit) {
            return new Paging(skip, limit);
        }

        @Provides                                    // closed after the response has been sent
        public static Session session() {
            return new Session();
        }
    }

    @Router(prefix = "/shop", dependencies = User.class)    // every route here needs a user
    public static final class Routes {
        @Get("/orders")
        public String orders(@Depends Paging paging, @Depends Session session) {
            return "orders " + paging.skip() + ".." + (paging.skip() + paging.limit());
        }

        @Get("/me")
        public User me(@Depends User user) {
            return user;
        }
    }

    public static App app() {
        return App.builder().include(new Providers()).include(new Routes()).build();
    }
}
