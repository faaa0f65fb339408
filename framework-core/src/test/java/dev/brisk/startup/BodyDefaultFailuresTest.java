package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Default;
import dev.brisk.Get;
import dev.brisk.Post;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A {@code @Default} that does not convert, is not one JSON value, does not fit its type or breaks its constraints fails {@code build()}. */
class BodyDefaultFailuresTest {
    public record BadBoolean(@Default("maybe") boolean done) {
    }

    public record BadInt(@Default("12345678901234") int n) {
    }

    public record BadJson(@Default("[\"a\"") List<String> tags) {
    }

    public record WrongShape(@Default("[1, \"x\"]") List<Integer> ids) {
    }

    public record NullJson(@Default("null") List<String> tags) {
    }

    public record TooBig(@Default("10") @Max(5) int n) {
    }

    public record Blank(@Default(" ") @NotBlank String name) {
    }

    public record Returned(@Default("soon") java.time.LocalDate when) {
    }


    public static class BadBooleanRoute {
        @Post("/x")
        public void x(BadBoolean b) {
        }
    }

    public static class BadIntRoute {
        @Post("/x")
        public void x(BadInt b) {
        }
    }

    public static class BadJsonRoute {
        @Post("/x")
        public void x(BadJson b) {
        }
    }

    public static class WrongShapeRoute {
        @Post("/x")
        public void x(WrongShape b) {
        }
    }

    public static class NullJsonRoute {
        @Post("/x")
        public void x(NullJson b) {
        }
    }

    public static class TooBigRoute {
        @Post("/x")
        public void x(TooBig b) {
        }
    }

    public static class BlankRoute {
        @Post("/x")
        public void x(Blank b) {
        }
    }

    public static class ReturnedRoute {
        @Get("/x")
        public List<Returned> x() {
            return List.of();
        }
    }

    @Test
    void aSimpleValueThatDoesNotConvert() {
        assertThatThrownBy(() -> App.builder().include(new BadBooleanRoute()).build())
                .hasMessageContaining("BadBoolean component 'done'").hasMessageContaining("@Default(\"maybe\") is not a valid boolean")
                .hasMessageContaining("Input should be a valid boolean");
        assertThatThrownBy(() -> App.builder().include(new BadIntRoute()).build())
                .hasMessageContaining("BadInt component 'n'").hasMessageContaining("exceeded maximum size");
    }

    @Test
    void jsonThatIsMalformedNullOrOfTheWrongShape() {
        assertThatThrownBy(() -> App.builder().include(new BadJsonRoute()).build())
                .hasMessageContaining("BadJson component 'tags'").hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> App.builder().include(new NullJsonRoute()).build())
                .hasMessageContaining("NullJson component 'tags'").hasMessageContaining("cannot be null");
        assertThatThrownBy(() -> App.builder().include(new WrongShapeRoute()).build())
                .hasMessageContaining("WrongShape component 'ids'").hasMessageContaining("does not fit java.util.List<java.lang.Integer>")
                .hasMessageContaining("[1] Input should be a valid integer");
    }

    @Test
    void aDefaultThatBreaksItsConstraints() {
        assertThatThrownBy(() -> App.builder().include(new TooBigRoute()).build())
                .hasMessageContaining("TooBig component 'n'").hasMessageContaining("breaks the component's constraints")
                .hasMessageContaining("less than or equal to 5");
        assertThatThrownBy(() -> App.builder().include(new BlankRoute()).build())
                .hasMessageContaining("Blank component 'name'").hasMessageContaining("String should not be blank");
    }

    @Test
    void onAReturnedRecordToo() {
        assertThatThrownBy(() -> App.builder().include(new ReturnedRoute()).build())
                .hasMessageContaining("Returned component 'when'").hasMessageContaining("not a valid LocalDate")
                .hasMessageContaining("GET /x");
    }
}
