package org.corridor.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.regex.Pattern;
import org.corridor.core.MalformedInputException;
import org.corridor.core.Times;

/** Query parameters read strictly: a bad one is refused with 400, naming it. */
final class Params {
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("^(\\S+T[0-9:.]+) ([0-9]{2}:[0-9]{2})$");

    private Params() {}

    /** A whole number in [min, max], or {@code otherwise} when absent. */
    static long number(Context ctx, String name, long otherwise, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MalformedInputException(name, "must be a whole number from " + min + " to " + max);
    }

    /** A whole number in [min, max] that must be given. */
    static long requiredNumber(Context ctx, String name, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            throw new MalformedInputException(name, "is required: a whole number from " + min + " to " + max);
        }
        return number(ctx, name, 0, min, max);
    }

    /**
     * The time with a space before its offset read back as '+'. Leniency, on purpose: a query string decodes an
     * unencoded '+' as a space, so {@code ?asOf=2016-12-19T14:00:00+02:00} typed as the contract writes it arrives
     * as {@code 2016-12-19T14:00:00 02:00}. Only that one space, right before an {@code hh:mm} offset, is read so.
     */
    static String plusRestored(String time) {
        return SPACE_BEFORE_OFFSET.matcher(time).replaceFirst("$1+$2");
    }

    /** An ISO-8601 time with an offset, or null when absent. */
    static Instant time(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Times.parse(plusRestored(text)).toInstant();
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(name, e.getMessage());
        }
    }
}
