package dev.brisk.internal.files;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP-date parsing (RFC 9110 5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept. */
final class HttpDates {
    private static final DateTimeFormatter IMF = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter RFC850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /** Seconds since the epoch, or {@code Long.MIN_VALUE} when {@code s} is not an HTTP-date. */
    static long parse(String s) {
        if (s == null) return Long.MIN_VALUE;
        String t = s.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF, RFC850, ASCTIME}) {
            try {
                LocalDateTime d = LocalDateTime.parse(t, f);
                if (f == RFC850 && d.getYear() > LocalDateTime.now(ZoneOffset.UTC).getYear() + 50) d = d.minusYears(100);
                return d.toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Long.MIN_VALUE;
    }
}
