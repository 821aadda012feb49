package org.corridor.ledger;

import java.util.UUID;

/**
 * An observation as stored.
 *
 * @param seq its position in the operation's ledger, from 1
 * @param body its canonical JSON
 * @param storedAt when the server stored it, as UTC ISO-8601 text
 */
public record StoredEntry(long seq, UUID id, String body, String storedAt) {}
