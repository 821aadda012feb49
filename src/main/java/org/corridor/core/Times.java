package org.corridor.core;

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

    private Times() {}

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
