package dev.brisk.bench;

import dev.brisk.internal.routing.PathTemplate;
import dev.brisk.internal.routing.RouteTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Route matching ({@link RouteTable#find}) in a table of 53 routes shaped like a real API: ten
 * resources with the five CRUD routes each, a nested two-parameter route, a {@code {p:path}} route
 * and a health check. Each benchmark is one lookup on a raw path, as the connection does per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class RoutingBenchmark {
    private static final String[] RESOURCES = {
        "users", "orders", "products", "items", "carts", "invoices", "payments", "shipments", "reviews", "categories"};

    private RouteTable<String> table;

    @Setup
    public void setup() {
        table = new RouteTable<>();
        for (String r : RESOURCES) {
            add("GET", "/" + r);
            add("POST", "/" + r);
            add("GET", "/" + r + "/{id}");
            add("PUT", "/" + r + "/{id}");
            add("DELETE", "/" + r + "/{id}");
        }
        add("GET", "/users/{id}/orders/{orderId}");
        add("GET", "/static/{file:path}");
        add("GET", "/health");
        check(staticRoute(), RouteTable.Outcome.FOUND, "GET /products");
        check(oneParam(), RouteTable.Outcome.FOUND, "GET /products/{id}");
        check(twoParams(), RouteTable.Outcome.FOUND, "GET /users/{id}/orders/{orderId}");
        check(pathRest(), RouteTable.Outcome.FOUND, "GET /static/{file:path}");
        check(notFound(), RouteTable.Outcome.NOT_FOUND, null);
        check(methodNotAllowed(), RouteTable.Outcome.METHOD_NOT_ALLOWED, null);
    }

    private void add(String method, String path) {
        table.add(method, PathTemplate.parse(path), method + " " + path);
    }

    private static void check(RouteTable.Lookup<String> l, RouteTable.Outcome outcome, String endpoint) {
        if (l.outcome() != outcome || endpoint != null && !endpoint.equals(l.endpoint())) {
            throw new IllegalStateException("unexpected lookup " + l + ", wanted " + outcome + " " + endpoint);
        }
    }

    /** A static route among ~50 (root has 12 static children). */
    @Benchmark
    public RouteTable.Lookup<String> staticRoute() {
        return table.find("GET", null, "/products");
    }

    /** One path parameter. */
    @Benchmark
    public RouteTable.Lookup<String> oneParam() {
        return table.find("GET", null, "/products/12345");
    }

    /** Two path parameters, static segment in between. */
    @Benchmark
    public RouteTable.Lookup<String> twoParams() {
        return table.find("GET", null, "/users/42/orders/1001");
    }

    /** A {@code {file:path}} rest parameter over several segments. */
    @Benchmark
    public RouteTable.Lookup<String> pathRest() {
        return table.find("GET", null, "/static/css/site/main.css");
    }

    /** No route: the 404 answer's lookup. */
    @Benchmark
    public RouteTable.Lookup<String> notFound() {
        return table.find("GET", null, "/nope/missing");
    }

    /** Path known, method not: builds the Allow set (405). */
    @Benchmark
    public RouteTable.Lookup<String> methodNotAllowed() {
        return table.find("PATCH", null, "/products/12345");
    }
}
