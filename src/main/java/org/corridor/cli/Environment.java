package org.corridor.cli;

import java.time.InstantSource;
import java.util.function.Function;
import org.corridor.ledger.Ledger;

/**
 * What commands need from outside themselves: a way to open the store named by a JDBC URL, and the clock.
 *
 * @param ledgers opens a ledger from a JDBC URL (wired by the entry point, the only place that knows the stores)
 */
public record Environment(Function<String, Ledger> ledgers, InstantSource clock) {}
