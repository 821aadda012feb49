package org.corridor.ledger;

import java.util.UUID;

/**
 * An observation ready to append.
 *
 * @param body the observation's canonical JSON, exactly as it will be stored and served
 * @param references the defined ids it uses, so that a definition cannot later drop them
 * @param persons the personal data sealed beside it, or null; stored in the same transaction, never in the body
 */
public record NewEntry(UUID id, String type, String atUtc, String body, References references, SealedPersons persons) {
    /** An entry without personal data beside it. */
    public NewEntry(UUID id, String type, String atUtc, String body, References references) {
        this(id, type, atUtc, body, references, null);
    }

    /** This entry with {@code sealed} beside it. */
    public NewEntry withPersons(SealedPersons sealed) {
        return new NewEntry(id, type, atUtc, body, references, sealed);
    }
}
