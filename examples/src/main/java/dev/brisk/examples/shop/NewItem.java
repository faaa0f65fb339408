package dev.brisk.examples.shop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a client sends to create or replace an item.
 *
 * @param name display name, required
 * @param price unit price, required, above zero
 * @param description optional, at most 300 characters
 * @param tags optional labels, each non-blank
 */
public record NewItem(@NotBlank @Size(max = 100) String name,
                      @Positive double price,
                      @Size(max = 300) String description,
                      @Size(max = 10) List<@NotBlank String> tags) {
}
