package dev.brisk.internal.http;

import io.netty.util.AsciiString;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted once per second. */
public final class DateHeader {
    private static volatile Entry current = new Entry(-1, AsciiString.EMPTY_STRING);

    private record Entry(long second, AsciiString value) {
    }

    private DateHeader() {
    }

    public static AsciiString now() {
        long sec = System.currentTimeMillis() / 1000;
        Entry e = current;
        if (e.second != sec) {
            e = new Entry(sec, AsciiString.cached(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(sec), ZoneOffset.UTC))));
            current = e;
        }
        return e.value;
    }
}
