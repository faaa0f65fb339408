package dev.brisk.examples.tour;

import dev.brisk.Get;
import dev.brisk.Router;

import java.util.List;
import java.util.stream.IntStream;

/** Plain JSON routes: a small answer (sent as it is), a big one (compressed), and one that fails (500, CORS headers still on). */
@Router(prefix = "/tour", tags = "basics")
public class Basics {
    /** A small JSON object. */
    public record Hello(String message, String docs) {
    }

    /** One item of the big list. */
    public record Item(int id, String name) {
    }

    @Get(value = "/small", summary = "A small JSON object", description = "Below GZip's 1 KiB minimum: never compressed.")
    public Hello small() {
        return new Hello("Welcome to the Brisk tour", "/docs");
    }

    @Get(value = "/big", summary = "A list of 200 items", description = "About 5.5 KB of JSON: compressed when the client accepts gzip or deflate.")
    public List<Item> big() {
        return IntStream.range(0, 200).mapToObj(i -> new Item(i, "item-" + i)).toList();
    }

    @Get(value = "/boom", summary = "Always fails", description = "An uncaught exception: 500, logged, with the CORS headers the front end needs to read it.")
    public Hello boom() {
        throw new IllegalStateException("the tour's deliberate failure");
    }
}
