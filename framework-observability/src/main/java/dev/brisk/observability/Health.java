package dev.brisk.observability;

import dev.brisk.Feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Liveness and readiness endpoints for orchestrators (Kubernetes probes, load balancers).
 *
 * <pre>{@code
 * App.builder().install(Health.endpoints().check("database", db::ping))
 * }</pre>
 *
 * <p>{@code GET /health/live} answers 200 {@code {"status":"UP"}} while the server serves.
 * {@code GET /health/ready} answers 200 {@code {"status":"UP","checks":{"database":"UP"}}} when every
 * check passes, 503 with {@code "DOWN"} for the failing ones when any fails (a check that throws is
 * down; its exception is logged, never sent), and 503 {@code {"status":"DOWN","reason":"shutting down"}}
 * from the moment the server begins a graceful shutdown, so that the orchestrator stops sending it
 * traffic while it drains. Both run on the worker pool; checks must answer quickly.
 *
 * <p>Instances are immutable: each method returns a new one.
 */
public final class Health implements Feature {
    /** A readiness check: true when the dependency it checks is usable. */
    @FunctionalInterface
    public interface Check {
        /** True when ready; false or an exception means not ready. */
        boolean ready() throws Exception;
    }

    private final String livePath;
    private final String readyPath;
    private final Map<String, Check> checks;

    private Health(String livePath, String readyPath, Map<String, Check> checks) {
        this.livePath = livePath;
        this.readyPath = readyPath;
        this.checks = checks;
    }

    /** {@code /health/live} and {@code /health/ready}, without checks. */
    public static Health endpoints() {
        return new Health("/health/live", "/health/ready", Map.of());
    }

    /** Where liveness is served (default {@code /health/live}). */
    public Health livePath(String path) {
        return new Health(checkPath(path), readyPath, checks);
    }

    /** Where readiness is served (default {@code /health/ready}). */
    public Health readyPath(String path) {
        return new Health(livePath, checkPath(path), checks);
    }

    /** Adds a readiness check under {@code name} (reported in the answer; names are unique). */
    public Health check(String name, Check check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) throw new IllegalArgumentException("a check needs a name");
        if (checks.containsKey(name)) throw new IllegalArgumentException("two readiness checks named '" + name + "'");
        var next = new LinkedHashMap<>(checks);
        next.put(name, check);
        return new Health(livePath, readyPath, Collections.unmodifiableMap(next));
    }

    /** The liveness path. */
    public String livePath() {
        return livePath;
    }

    /** The readiness path. */
    public String readyPath() {
        return readyPath;
    }

    /** The readiness checks by name, in the order they were added. */
    public Map<String, Check> checks() {
        return checks;
    }

    private static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) throw new IllegalArgumentException("a health path must start with '/': " + path);
        return path;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(checks.keySet());
        return "Health[" + livePath + ", " + readyPath + (names.isEmpty() ? "" : ", checks " + names) + "]";
    }
}
