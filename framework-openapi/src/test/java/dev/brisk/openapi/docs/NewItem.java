package dev.brisk.openapi.docs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

// tag::new-item[]
/** What a client sends to create an item. */
public record NewItem(@NotBlank @Size(max = 100) String name,
                      @Positive double price,
                      @Size(max = 300) String description) {
}
// end::new-item[]
