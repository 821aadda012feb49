package org.corridor.claims;

import org.corridor.claims.Lexicon.Qualifier;

/**
 * A number read from the text: tokens {@code [first, end)} hold the number itself, {@code [phraseStart, end)} the
 * qualifier before it too. {@code upTo} is the upper end of a range (0 when there is none); {@code kind} says
 * whether it is a count or something that only looks like one.
 */
record Figure(long value, long upTo, Qualifier qualifier, int phraseStart, int first, int end, Kind kind) {
    /** What a number in the text turned out to be; only {@link #COUNT} can be a claim. */
    enum Kind {
        COUNT,
        DURATION,
        DATE,
        CLOCK_TIME,
        PERCENTAGE,
        ORDINAL,
        YEAR,
        IDENTIFIER
    }

    Figure as(Kind newKind) {
        return new Figure(value, upTo, qualifier, phraseStart, first, end, newKind);
    }

    Figure qualified(Qualifier newQualifier, int newPhraseStart) {
        return new Figure(value, upTo, newQualifier, newPhraseStart, first, end, kind);
    }

    Figure upTo(long upper, int newEnd) {
        return new Figure(value, upper, qualifier, phraseStart, first, newEnd, kind);
    }
}
