package dev.brisk.internal.dispatch;

import dev.brisk.BackgroundTasks;

import java.util.ArrayList;
import java.util.List;

/** The background tasks of one request, in the order added. */
final class TaskList implements BackgroundTasks {
    private final List<Object> tasks = new ArrayList<>(2);

    @Override
    public synchronized BackgroundTasks add(Task task) {
        tasks.add(java.util.Objects.requireNonNull(task, "task"));
        return this;
    }

    @Override
    public synchronized BackgroundTasks addAsync(AsyncTask task) {
        tasks.add(java.util.Objects.requireNonNull(task, "task"));
        return this;
    }

    /** The tasks added so far; each a {@link Task} or an {@link AsyncTask}. */
    synchronized List<Object> snapshot() {
        return List.copyOf(tasks);
    }

    synchronized boolean isEmpty() {
        return tasks.isEmpty();
    }
}
