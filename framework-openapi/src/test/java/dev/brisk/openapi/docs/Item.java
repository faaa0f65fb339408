package dev.brisk.openapi.docs;

import java.util.Optional;

// tag::item[]
/** What the API returns. */
public record Item(int id, String name, double price, Optional<String> description) {
}
// end::item[]
