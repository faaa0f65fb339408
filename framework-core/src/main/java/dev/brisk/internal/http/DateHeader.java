package dev.brisk.internal.http;

import io.netty.util.AsciiString;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value, formatted once per second. */
public final class DateHeader {
    /** IMF-fixdate (RFC 9110 5.6.7): two-digit day, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static volatile Entry current = new Entry(-1, AsciiString.EMPTY_STRING);

    private record Entry(long second, AsciiString value) {
    }

    private DateHeader() {
    }

    public static AsciiString now() {
        long sec = System.currentTimeMillis() / 1000;
        Entry e = current;
        if (e.second != sec) {
            e = new Entry(sec, AsciiString.cached(format(sec)));
            current = e;
        }
        return e.value;
    }

    /** The header value for a moment (public for tests). */
    public static String format(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
    }
}
