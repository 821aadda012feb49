package org.corridor.ledger;

import java.util.UUID;

/** What appending one entry did; {@code seq} is the stored entry's (the existing one's for a duplicate), 0 on conflict. */
public record AppendResult(UUID id, Outcome outcome, long seq) {
    /** Stored now, already stored identically, or stored under this id with other content. */
    public enum Outcome {
        CREATED,
        DUPLICATE,
        CONFLICT
    }
}
