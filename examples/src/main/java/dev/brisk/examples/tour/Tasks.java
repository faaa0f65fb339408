package dev.brisk.examples.tour;

import dev.brisk.BackgroundTasks;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.Router;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Background tasks: work scheduled by a handler that runs after its response is sent. */
@Router(prefix = "/tour/tasks", tags = "tasks")
public class Tasks {
    /** The answer to a scheduling request. */
    public record Scheduled(String scheduled) {
    }

    private final TaskLog log;

    public Tasks(TaskLog log) {
        this.log = log;
    }

    @Post(status = 202, summary = "Schedule a task", description = "Answers 202 at once; the task appends the name to the log afterwards.")
    public Scheduled schedule(@Query @NotBlank @Size(max = 64) String name, BackgroundTasks tasks) {
        tasks.add(() -> log.append(name));
        return new Scheduled(name);
    }

    @Get(summary = "The task log", description = "What the background tasks appended, oldest first (the last 1000).")
    public List<String> list() {
        return log.entries();
    }
}
