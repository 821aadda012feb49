package org.corridor.claims;

import java.time.OffsetDateTime;

/** When a claim says it happened or will: either end may be open (null), both are when the text gives none. */
public record TimeRange(OffsetDateTime from, OffsetDateTime to) {
    public static final TimeRange NONE = new TimeRange(null, null);
}
