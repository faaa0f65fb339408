package dev.brisk.observability;

import java.util.Arrays;
import java.util.List;

/** Reads series out of a scrape in Prometheus' text format. */
final class Prometheus {
    private Prometheus() {
    }

    /** The value of the sample whose name and labels are exactly these (labels in any order), or null. */
    static Double value(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) continue;
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String lineName = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            if (!lineName.equals(name)) continue;
            List<String> have = brace < 0 ? List.of() : Arrays.asList(line.substring(brace + 1, line.lastIndexOf('}')).split(","));
            if (have.size() == labels.length && have.containsAll(List.of(labels))) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        return null;
    }

    /** Every sample line of the scrape with this metric name. */
    static List<String> lines(String scrape, String name) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList();
    }
}
