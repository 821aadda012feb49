package org.corridor.claims;

import java.util.List;

/**
 * One figure a report claims (CONTRACT §7), with what it counts, what it says happened, and where, when and
 * according to whom.
 *
 * @param quantity the figure; for a range its lower end
 * @param approximate whether the text gives it as approximate, a bound or a range
 * @param bound for "more than" or "up to": which side of the quantity the truth lies; null otherwise
 * @param upTo the upper end of a range ("between 60 and 80"), or 0
 * @param event what the text says happened or will happen; null when it says nothing of it
 * @param places the places named with the figure, in the order of the text
 * @param source who the text says claims it, in the text's own words; null when it names no one
 * @param span where the figure's phrase (qualifier, number and counted noun) stands in the input, {@code [start,
 *     end)} in UTF-16 units (Java chars), so {@code text.substring(span.start(), span.end())} is the phrase
 */
public record Claim(
        long quantity,
        boolean approximate,
        Bound bound,
        long upTo,
        Unit unit,
        Event event,
        Modality modality,
        List<PlaceMention> places,
        TimeRange time,
        String source,
        Span span) {
    public Claim {
        places = List.copyOf(places);
    }

    /** Which side of the quantity a bound leaves open. */
    public enum Bound {
        AT_LEAST,
        AT_MOST
    }

    /** A place named with a claim: its id (site id or P-code) and its name in the report's language. */
    public record PlaceMention(String id, String name) {}

    /** A range of characters {@code [start, end)} of the input, in UTF-16 units. */
    public record Span(int start, int end) {}
}
