package org.corridor.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one way Corridor writes times: ISO-8601 with seconds and an offset (`2016-12-19T08:10:00+02:00`). */
public final class Times {
    /** The earliest time Corridor takes: nothing it records happened before 1900. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The first time Corridor no longer takes; the numbers count in nanoseconds, which end in 2262. */
    public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");

    /** What to tell someone who sent a time outside the range. */
    public static final String RANGE = "must be from 1900 to 2199";

    /** What to tell someone who sent text that is not a time. */
    public static final String FORMAT = "must be an ISO-8601 time with an offset, such as 2016-12-19T08:10:00+02:00";

    private Times() {}

    /**
     * Reads a time as Corridor takes it everywhere (observations, operation files, asOf): ISO-8601 with an offset,
     * from 1900 to 2199.
     *
     * @throws IllegalArgumentException whose message ({@link #FORMAT} or {@link #RANGE}) says what is wrong
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime time;
        try {
            time = parseCommon(text);
            if (time == null) {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(FORMAT, e);
        }
        if (!isSupported(time.toInstant())) {
            throw new IllegalArgumentException(RANGE);
        }
        return time;
    }

    /**
     * The time in the form nearly every device sends, {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9
     * digits and {@code Z} or {@code ±HH:mm}, read without the general formatter (which cost more than everything
     * else about reading an observation); null for any other text, which the formatter then reads. What it accepts it
     * reads exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, and an impossible date, time or offset
     * throws {@link DateTimeException} as the formatter's strict resolution does.
     */
    static OffsetDateTime parseCommon(String text) {
        int length = text.length();
        if (length < 20 || length > 35) {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            if (at == first) {
                return null;
            }
            for (int scale = at - first; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6
                && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            int sign = text.charAt(at) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } else {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when any of them is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code instant} lies in the range Corridor takes: from {@link #EARLIEST}, before {@link #END}. */
    public static boolean isSupported(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }

    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The instant as seen in `zone`. */
    public static String format(Instant instant, ZoneId zone) {
        return format(instant.atZone(zone).toOffsetDateTime());
    }
}
