package org.corridor.access;

import java.time.Instant;

/** A browser login session as stored: the hash of its id, whose it is, and when it began and was last used. */
public record SessionInfo(String idHash, String accountId, Instant createdAt, Instant lastSeenAt) {}
