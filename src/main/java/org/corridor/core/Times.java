package org.corridor.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
            time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(FORMAT, e);
        }
        if (!isSupported(time.toInstant())) {
            throw new IllegalArgumentException(RANGE);
        }
        return time;
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
