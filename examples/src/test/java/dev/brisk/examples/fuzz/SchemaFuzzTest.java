package dev.brisk.examples.fuzz;

import dev.brisk.App;
import dev.brisk.examples.bench.BenchApp;
import dev.brisk.examples.hello.HelloApp;
import dev.brisk.examples.shop.ShopApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: the examples' OpenAPI documents describe what their servers do, as an external
 * schema-driven fuzzer (Schemathesis) would check it — see {@link SchemaFuzzer}. The cases are
 * deterministic for a seed; explore further with
 * {@code mvn -pl examples -am verify -Dtest=SchemaFuzzTest -Dbrisk.fuzz.seed=7 -Dbrisk.fuzz.cases=2000 -Dbrisk.fuzz.seconds=120}.
 */
class SchemaFuzzTest {
    private static final long SEED = Long.getLong("brisk.fuzz.seed", 20_250_801L);
    private static final int CASES = Integer.getInteger("brisk.fuzz.cases", 80);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("brisk.fuzz.seconds", 15));

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of("hello", (Supplier<App>) HelloApp::app, Map.of()),
                Arguments.of("shop", (Supplier<App>) ShopApp::app, Map.of("x-token", List.of("secret-token"))),
                Arguments.of("bench", (Supplier<App>) BenchApp::app, Map.of()),
                Arguments.of("kitchen sink", (Supplier<App>) KitchenSink::app, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void theServerDoesWhatItsDocumentSays(String name, Supplier<App> app, Map<String, List<String>> hints) throws Exception {
        var report = new SchemaFuzzer(app.get(), hints, SEED, CASES, BUDGET).run();
        System.out.println(name + ": " + report.casesByOperation().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0] + "+" + e.getValue()[1]).collect(Collectors.joining(", ")));
        String findings = report.findings().stream().limit(Integer.getInteger("brisk.fuzz.show", 25)).map(Object::toString).collect(Collectors.joining("\n"));
        assertThat(report.findings()).as(name + ": " + report.findings().size() + " mismatches (seed " + SEED + "):\n" + findings).isEmpty();
        // every operation was exercised: positive cases always, negative ones wherever something can be invalid
        report.casesByOperation().forEach((op, n) -> assertThat(n[0]).as(op + " positive cases").isPositive());
        if (!report.outOfTime()) {
            assertThat(report.casesByOperation().values().stream().mapToInt(n -> n[1]).sum()).as(name + " negative cases").isPositive();
        }
    }
}
