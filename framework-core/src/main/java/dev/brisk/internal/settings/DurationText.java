package dev.brisk.internal.settings;

import dev.brisk.internal.binding.ConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people write them in configuration: {@code 30s}, {@code 500ms}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO 8601. */
public final class DurationText {
    private DurationText() {
    }

    public static Duration parse(String text) throws ConversionException {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P") || s.startsWith("+P")) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw invalid();
            }
        }
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == digits || i - digits > 18) throw invalid();
        long n = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).strip();
        try {
            return switch (unit) {
                case "ns" -> Duration.ofNanos(n);
                case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw invalid();
            };
        } catch (ArithmeticException e) {
            throw invalid();
        }
    }

    private static ConversionException invalid() {
        return new ConversionException("time_delta_parsing",
                "Input should be a duration such as 30s, 500ms, 5m, 2h, 1d or ISO 8601 (PT30S)");
    }
}
