package dev.brisk.internal.http;

import io.netty.util.AsciiString;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The {@code Date} header value, formatted once per second. */
public final class DateHeader {
    // Fixed English names: a DateTimeFormatter with text fields loads the JDK's locale data (CLDR) on first use,
    // ~40 ms of a 0.45 s start, for twelve month and seven day names.
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
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

    /** The IMF-fixdate (RFC 9110 5.6.7: {@code Sun, 06 Nov 1994 08:49:37 GMT}, two-digit day) of a moment. */
    public static String format(long epochSecond) {
        var t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        var b = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        two(b, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        if (year < 1000) b.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        b.append(year).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        return two(b, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
