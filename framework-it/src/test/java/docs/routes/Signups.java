package docs.routes;

import dev.brisk.BackgroundTasks;
import dev.brisk.Post;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

public class Signups {
    final List<String> outbox = new CopyOnWriteArrayList<>();

    void sendWelcomeMail(String email) {
        outbox.add("welcome " + email);
    }

    @Post(value = "/signup", status = 202)
    public Map<String, String> signup(String email, BackgroundTasks tasks) {
        tasks.add(() -> sendWelcomeMail(email));   // runs after the 202 is sent
        return Map.of("status", "queued");
    }
}
