package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** @BriskTest supplies one TestClient per class, wherever a test asks for it, and closes it after the class. */
class BriskTestExtensionTest {
    private static final String SAMPLES = "dev.brisk.test.samples";

    /** The sample classes below run only when this test launches them, never on their own. */
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyLaunchedByTheTest.class)
    @interface Sample {
    }

    static final class OnlyLaunchedByTheTest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(SAMPLES).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by BriskTestExtensionTest")
                    : ConditionEvaluationResult.disabled("a sample of BriskTestExtensionTest");
        }
    }

    public static class Hello {
        private final String who;

        Hello(String who) {
            this.who = who;
        }

        @Get("/hello")
        public String hello() {
            return "hello " + who;
        }

        @Get("/boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }
    }

    static App helloApp(String who, AtomicInteger started, AtomicInteger stopped) {
        return App.builder().include(new Hello(who))
                .onStartup(started::incrementAndGet)
                .onShutdown(stopped::incrementAndGet)
                .build();
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(SAMPLES, "true").selectors(selectClass(sample)).execute();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow())
                .toList();
    }

    // ------------------------------------------------------------------------------------ injection and lifetime

    @Sample
    @BriskTest
    static class EveryInjection {
        static final AtomicInteger STARTED = new AtomicInteger();
        static final AtomicInteger STOPPED = new AtomicInteger();
        static final AtomicReference<TestClient> SEEN = new AtomicReference<>();

        static App app() {
            return helloApp("method", STARTED, STOPPED);
        }

        private final TestClient fromConstructor;
        TestClient field;

        EveryInjection(TestClient client) {
            this.fromConstructor = client;
        }

        private void same(TestClient client) {
            SEEN.compareAndSet(null, client);
            assertThat(client).isSameAs(SEEN.get()).isSameAs(fromConstructor).isSameAs(field);
            assertThat(STARTED).hasValue(1);
            assertThat(STOPPED).hasValue(0);
        }

        @Test
        void first(TestClient client) {
            same(client);
            assertThat(client.get("/hello")).hasStatus(200).hasText("hello method");
        }

        @Test
        void second(TestClient client) {
            same(client);
            assertThat(client.get("/hello")).hasText("hello method");
        }

        @Nested
        class Inner {
            @Test
            void nestedClassesShareTheClient(TestClient client) {
                same(client);
            }
        }
    }

    @Test
    void oneClientIsInjectedEverywhereAndClosedAfterTheClass() {
        EveryInjection.STARTED.set(0);
        EveryInjection.STOPPED.set(0);
        var results = run(EveryInjection.class);
        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(EveryInjection.STARTED).hasValue(1);
        assertThat(EveryInjection.STOPPED).hasValue(1);
    }

    // ------------------------------------------------------------------------------------ where the app comes from

    @Sample
    @BriskTest
    static class AppFromAField {
        static final App APP = helloApp("field", new AtomicInteger(), new AtomicInteger());

        @Test
        void usesTheField(TestClient client) {
            assertThat(client.get("/hello")).hasText("hello field");
        }
    }

    @Sample
    @BriskTest
    static class AnnotatedAmongSeveral {
        static final App OTHER = helloApp("other", new AtomicInteger(), new AtomicInteger());

        @BriskApp
        static final App CHOSEN = helloApp("chosen", new AtomicInteger(), new AtomicInteger());

        static App another() {
            return OTHER;
        }

        @Test
        void usesTheAnnotatedOne(TestClient client) {
            assertThat(client.get("/hello")).hasText("hello chosen");
        }
    }

    @Sample
    @BriskTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        TestClient client;

        static App app() {
            return helloApp("per class", new AtomicInteger(), new AtomicInteger());
        }

        @Test
        void fieldIsInjected() {
            assertThat(client.get("/hello")).hasText("hello per class");
        }
    }

    @Test
    void theAppComesFromAFieldTheAnnotatedMemberOrThePerClassInstance() {
        for (Class<?> sample : List.of(AppFromAField.class, AnnotatedAmongSeveral.class, PerClassInstance.class)) {
            var results = run(sample);
            assertThat(failures(results)).as(sample.getSimpleName()).isEmpty();
            results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        }
    }

    // ------------------------------------------------------------------------------------ options

    @Sample
    @BriskTest(raiseServerExceptions = false)
    static class ServerExceptionsReturned {
        static App app() {
            return helloApp("x", new AtomicInteger(), new AtomicInteger());
        }

        @Test
        void the500IsReturned(TestClient client) {
            assertThat(client.get("/boom")).hasStatus(500).hasJsonBody("{'detail': 'Internal Server Error'}");
        }
    }

    @Test
    void raiseServerExceptionsCanBeTurnedOff() {
        var results = run(ServerExceptionsReturned.class);
        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    // ------------------------------------------------------------------------------------ mistakes

    @Sample
    @BriskTest
    static class TwoApps {
        static App one() {
            return helloApp("1", new AtomicInteger(), new AtomicInteger());
        }

        static App two() {
            return helloApp("2", new AtomicInteger(), new AtomicInteger());
        }

        @Test
        void test(TestClient client) {
        }
    }

    @Sample
    @BriskTest
    static class NoApp {
        @Test
        void test(TestClient client) {
        }
    }

    @Sample
    @BriskTest
    static class BadAnnotation {
        @BriskApp
        App instanceField = helloApp("x", new AtomicInteger(), new AtomicInteger());

        @Test
        void test(TestClient client) {
        }
    }

    @Sample
    @BriskTest
    static class FinalField {
        final TestClient client = null;

        static App app() {
            return helloApp("x", new AtomicInteger(), new AtomicInteger());
        }

        @Test
        void test() {
        }
    }

    @Test
    void mistakesFailWithAMessageThatSaysWhatToDo() {
        assertThat(failures(run(TwoApps.class))).singleElement().extracting(Throwable::getMessage).asString()
                .contains("Several static members of type App", "TwoApps.one()", "TwoApps.two()", "@BriskApp");
        assertThat(failures(run(NoApp.class))).singleElement().extracting(Throwable::getMessage).asString()
                .contains("has no app", "static method");
        assertThat(failures(run(BadAnnotation.class))).singleElement().extracting(Throwable::getMessage).asString()
                .contains("@BriskApp BadAnnotation.instanceField must be a static");
        assertThat(failures(run(FinalField.class))).singleElement().extracting(Throwable::getMessage).asString()
                .contains("final field FinalField.client");
    }

    @Test
    void samplesDoNotRunOnTheirOwn() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(EveryInjection.class)).execute();
        results.containerEvents().assertStatistics(s -> s.skipped(1));
        assertThat(results.testEvents().stream().map(Event::getType)).isEmpty();
    }
}
