package org.corridor.ledger;

import java.util.UUID;

/**
 * A report as stored with its operation.
 *
 * @param seq its position among the operation's reports, from 1
 * @param body its canonical JSON: text, language, source, publishedAt
 */
public record StoredReport(long seq, UUID id, String body, String storedAt) {}
