package dev.brisk.examples.tour;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line tells the tour ({@code --cache URL}, {@code --static DIR}); each wins over
 * the matching setting of {@link TourSettings}.
 *
 * @param cache the cache's URL, e.g. {@code redis://localhost:6379}
 * @param staticDir a folder to serve at {@code /static} instead of the files bundled in the jar
 */
public record TourOptions(Optional<URI> cache, Optional<Path> staticDir) {
    /** No options. */
    public static TourOptions none() {
        return new TourOptions(Optional.empty(), Optional.empty());
    }

    /** Reads {@code --cache URL} and {@code --static DIR} from {@code args} (others are ignored). */
    public static TourOptions parse(String... args) {
        Optional<URI> cache = Optional.empty();
        Optional<Path> dir = Optional.empty();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--cache")) cache = Optional.of(URI.create(args[++i]));
            else if (args[i].equals("--static")) dir = Optional.of(Path.of(args[++i]));
        }
        return new TourOptions(cache, dir);
    }
}
