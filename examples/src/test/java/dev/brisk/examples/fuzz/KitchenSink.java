package dev.brisk.examples.fuzz;

import dev.brisk.App;
import dev.brisk.Default;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Put;
import dev.brisk.Query;
import dev.brisk.Responds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every kind of type and constraint the binder and the document know, for the fuzzer beyond the examples. */
public class KitchenSink {
    public enum Color { RED, GREEN, BLUE }

    public record Dimensions(@Positive float width, @PositiveOrZero short height, byte depth) {
    }

    public record Thing(@NotBlank @Size(max = 12) String name,
                        @Pattern(regexp = "[A-Z]{2}[0-9]{3}") String code,
                        @Min(-5) @Max(5) int level,
                        long big,
                        Integer maybe,
                        @NotNull Color color,
                        UUID ref,
                        @DecimalMax("99.5") BigDecimal amount,
                        @Negative Double debt,
                        @Size(max = 3) List<@NotBlank @Size(max = 4) String> tags,
                        Set<@Min(0) Integer> ids,
                        Map<String, @PositiveOrZero Integer> counts,
                        Optional<@Size(min = 2) String> nickname,
                        @Valid Dimensions size,
                        @Default("true") boolean active,
                        @Default("7") @Max(10) int rank,
                        @Default("[\"a\"]") @NotEmpty List<String> labels,
                        @Valid List<Dimensions> parts) {
    }

    @Post(value = "/things", status = 201)
    @Responds(status = 409, description = "Exists")
    public Thing create(Thing thing) {
        if (thing.name().equals("taken")) throw new HttpException(409, "Exists");
        return thing;
    }

    @Put("/things/{ref}")
    public Thing replace(UUID ref, @Valid Thing thing, @Header @Size(min = 3, max = 8) String xKey) {
        return thing;
    }

    @Get("/things")
    public Map<String, Object> search(@Query(defaultValue = "10") @Min(1) @Max(50) int limit,
                                      Optional<@Size(min = 3) String> q,
                                      @Size(max = 3) List<@Min(1) Integer> page,
                                      Optional<Color> color,
                                      @Query(defaultValue = "false") boolean deep,
                                      Optional<Double> above,
                                      Optional<Short> small) {
        return Map.of("limit", limit, "q", q.orElse(""), "page", page, "deep", deep);
    }

    @Get("/things/{ref}")
    public Optional<Thing> find(UUID ref) {
        return Optional.empty();
    }

    public static App app() {
        return App.builder().title("Kitchen sink").include(new KitchenSink()).build();
    }
}
