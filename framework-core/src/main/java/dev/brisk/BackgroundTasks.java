package dev.brisk;

import java.util.concurrent.CompletionStage;

/**
 * Work to do after the response has been sent (Starlette's {@code BackgroundTasks}): declare a
 * parameter of this type and add tasks to it.
 *
 * <pre>{@code
 * @Post(value = "/signup", status = 202)
 * public Map<String, String> signup(String email, BackgroundTasks tasks) {
 *     tasks.add(() -> mailer.sendWelcome(email));   // runs once the 202 is on its way
 *     return Map.of("status", "queued");
 * }
 * }</pre>
 *
 * <p>Tasks run one after the other, in the order added, on the worker pool (never on the event
 * loop), after the response is written and the request's dependencies are closed. A task that
 * fails is logged with the route and the task, and the next one still runs. Graceful shutdown waits
 * for running tasks within the grace period; the {@code TestClient} waits for them before it returns
 * the response.
 */
public interface BackgroundTasks {
    /** A task; it may block. */
    @FunctionalInterface
    interface Task {
        /** Does the work. */
        void run() throws Exception;
    }

    /** A task that starts asynchronous work; the next task starts when the returned stage completes. */
    @FunctionalInterface
    interface AsyncTask {
        /** Starts the work. */
        CompletionStage<?> start() throws Exception;
    }

    /** Adds a task to run after the response. */
    BackgroundTasks add(Task task);

    /** Adds a task whose work completes asynchronously. */
    BackgroundTasks addAsync(AsyncTask task);
}
