package docs.middleware;

import dev.brisk.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

public class Scoped {
    /** Marks the responses of the routes it is on as not to be stored by caches. */
    public static class NoStore implements Middleware {
        @Override
        public CompletionStage<Response> handle(Request request, Next next) {
            return next.proceed().thenApply(response -> response.setHeader("Cache-Control", "no-store"));
        }
    }

    @Router(prefix = "/account")
    @UseMiddleware(NoStore.class)                 // every route of this router
    public static class Account {
        @Get("/me")
        public Map<String, String> me() {
            return Map.of("name", "Ada");
        }
    }

    @Router(prefix = "/reports")
    public static class Reports {
        @Get
        public List<String> all() {
            return List.of("q1", "q2");
        }

        @Get("/export")
        @UseMiddleware(GZip.class)                // this route only; the instance comes from provide(...)
        public String export() {
            return "month,total\n".repeat(500);
        }
    }

    public static App app() {
        return App.builder()
                .provide(GZip.class, GZip.minimumSize(512))
                .include(Account.class)
                .include(Reports.class)
                .build();
    }
}
