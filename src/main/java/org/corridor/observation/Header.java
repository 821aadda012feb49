package org.corridor.observation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The fields every observation has.
 *
 * @param note free text in any language, or null
 * @param signature base64 Ed25519 signature over the canonical form without it, or null
 */
public record Header(
        UUID id, String operation, OffsetDateTime at, String monitor, String site, String note, String signature) {

    public Instant instant() {
        return at.toInstant();
    }

    /** The id as sent: lower-case canonical UUID text, the form ties are broken on. */
    public String idText() {
        return id.toString();
    }
}
