package org.corridor.tally;

import java.time.Instant;

/** The earliest and the latest {@code at} of an operation's observations. */
public record TimeSpan(Instant first, Instant last) {}
