package dev.brisk.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a JUnit 5 test class against one app through one {@link TestClient}.
 *
 * <p>The app comes from a static method (no parameters) or static field of type {@code App} in the
 * class: the one annotated {@link BriskApp}, or the only one when none is annotated. The client is
 * started before the first test that needs it, injected wherever a {@code TestClient} is asked for
 * (a test-method or constructor parameter, or a non-static, non-final field), shared by all tests of the class
 * (and its {@code @Nested} classes), and closed after the last of them.
 *
 * <pre>{@code
 * @BriskTest
 * class ItemsTest {
 *     static App app() { return App.builder().include(new Items()).build(); }
 *
 *     @Test
 *     void readsAnItem(TestClient client) {
 *         assertThat(client.get("/items/1")).hasStatus(200);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BriskExtension.class)
public @interface BriskTest {
    /** Whether exceptions the app answers with 500 are re-thrown in the test; see {@link TestClient.Options#raiseServerExceptions(boolean)}. */
    boolean raiseServerExceptions() default true;
}
