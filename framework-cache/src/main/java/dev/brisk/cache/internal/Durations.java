package dev.brisk.cache.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** {@code "500ms"}, {@code "30s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}, {@code "1m30s"}, or ISO-8601 ({@code "PT1M"}). */
final class Durations {
    private Durations() {
    }

    /** The duration, or an IllegalArgumentException naming what was expected. */
    static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("an empty duration");
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 duration");
            }
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i == start || i - start > 12) throw bad(text);
            long n = Long.parseLong(s, start, i, 10);
            int u = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            Duration part = switch (s.substring(u, i)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw bad(text);
            };
            total = total.plus(part);
        }
        return total;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a duration such as \"500ms\", \"30s\", \"5m\", \"1h30m\", \"1d\" or \"PT1M\"");
    }
}
