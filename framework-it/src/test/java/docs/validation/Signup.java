package docs.validation;

import dev.brisk.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.*;

public class Signup {
    public record Address(@NotBlank String city, @Pattern(regexp = "\\d{5}") String zip) {}

    public record NewUser(@NotBlank @Size(max = 20) String username,
                          @Email String email,
                          @Min(13) int age,
                          @Valid List<Address> addresses,
                          @Size(max = 3) List<@NotBlank String> tags) {}

    @Post(value = "/users", status = 201)
    public NewUser create(NewUser user) {
        return user;
    }

    @Get("/users")
    public List<String> search(@Query(defaultValue = "0") @Min(0) int skip,
                               @Query(defaultValue = "10") @Max(100) int limit,
                               Optional<@Size(min = 3) String> q) {
        return List.of(skip + ".." + (skip + limit), q.orElse(""));
    }
}
