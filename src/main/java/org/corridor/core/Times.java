package org.corridor.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The one way Corridor writes times: ISO-8601 with seconds and an offset (`2016-12-19T08:10:00+02:00`). */
public final class Times {
    private Times() {}

    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The instant as seen in `zone`. */
    public static String format(Instant instant, ZoneId zone) {
        return format(instant.atZone(zone).toOffsetDateTime());
    }
}
