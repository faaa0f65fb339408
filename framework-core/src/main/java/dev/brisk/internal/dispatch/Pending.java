package dev.brisk.internal.dispatch;

import java.util.concurrent.CompletableFuture;

/** A binder's value that is not ready yet (an async provider). */
record Pending(CompletableFuture<Object> future) {
}
