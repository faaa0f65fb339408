package docs.parameters;

import dev.brisk.Default;
import dev.brisk.Post;
import jakarta.validation.constraints.NotBlank;

import java.util.List;
import java.util.Optional;

public class Todos {
    public record Todo(@NotBlank String title,                    // required
                       @Default("false") boolean done,            // absent: false
                       @Default("[\"inbox\"]") List<String> lists, // JSON for all but simple types
                       String note,                               // absent or null: null
                       List<String> tags,                         // absent: []; null: 422 list_type
                       Optional<List<String>> labels) {}          // absent or null: Optional.empty()

    @Post("/todos")
    public Todo create(Todo todo) {
        return todo;
    }
}
