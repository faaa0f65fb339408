package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * Constraints that are not Bean Validation's built-in ones are found and enforced like them: an app's own
 * constraint (an annotation meta-annotated {@code @Constraint}) and a container of repeated constraints
 * ({@code @Pattern.List}), on body record components and on query parameters; an own constraint's error has its
 * name in snake case as its type and its message as it is (docs/validation.md).
 */
@BriskTest
class CustomConstraintsTest {
    /** An app's own constraint. */
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = EvenValidator.class)
    public @interface Even {
        String message() default "must be even";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class EvenValidator implements ConstraintValidator<Even, Integer> {
        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value == null || value % 2 == 0;
        }
    }

    public record Pair(@Even int size, @Pattern.List({@Pattern(regexp = "a.*"), @Pattern(regexp = ".*z")}) String code) {
    }

    public static class Routes {
        @Post("/pairs")
        public Pair create(Pair pair) {
            return pair;
        }

        @Get("/even")
        public int even(@Query @Even int n) {
            return n;
        }

        @Get("/codes")
        public String code(@Query @Pattern.List({@Pattern(regexp = "a.*"), @Pattern(regexp = ".*z")}) String c) {
            return c;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void anAppsOwnConstraintOnABodyRecord() {
        assertThat(client.request("POST", "/pairs").jsonText("""
                {"size":3,"code":"abz"}""").send()).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"even","loc":["body","size"],"msg":"must be even","input":3}]}""");
        assertThat(client.request("POST", "/pairs").jsonText("""
                {"size":4,"code":"abz"}""").send()).hasStatus(200).hasJsonBody("""
                {"size":4,"code":"abz"}""");
    }

    @Test
    void repeatedConstraintsOnABodyRecord() {
        assertThat(client.request("POST", "/pairs").jsonText("""
                {"size":2,"code":"abc"}""").send()).hasStatus(422).hasValidationError("pattern", "body", "code");
        assertThat(client.request("POST", "/pairs").jsonText("""
                {"size":2,"code":"xbz"}""").send()).hasStatus(422).hasValidationError("pattern", "body", "code");
    }

    @Test
    void anAppsOwnConstraintOnAQueryParameter() {
        assertThat(client.get("/even?n=3")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"even","loc":["query","n"],"msg":"must be even","input":"3"}]}""");
        assertThat(client.get("/even?n=4")).hasStatus(200).hasText("4");
    }

    @Test
    void repeatedConstraintsOnAQueryParameter() {
        assertThat(client.get("/codes?c=abc")).hasStatus(422).hasValidationError("pattern", "query", "c");
        assertThat(client.get("/codes?c=abz")).hasStatus(200).hasText("abz");
    }
}
