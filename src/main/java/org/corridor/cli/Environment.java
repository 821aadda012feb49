package org.corridor.cli;

import java.time.InstantSource;
import java.util.Map;
import java.util.function.Function;
import org.corridor.access.AccessStore;
import org.corridor.ledger.Ledger;

/**
 * What commands need from outside themselves: a way to open the store named by a JDBC URL and the access tables
 * beside it, the clock, and the process's environment variables (read for settings such as
 * {@code CORRIDOR_BOOTSTRAP_TOKEN}).
 *
 * @param ledgers opens a ledger from a JDBC URL (wired by the entry point, the only place that knows the stores)
 * @param accessStores the accounts, tokens and audit trail in the same database as a ledger opened by {@code ledgers}
 */
public record Environment(
        Function<String, Ledger> ledgers,
        Function<Ledger, AccessStore> accessStores,
        InstantSource clock,
        Map<String, String> variables) {
    public Environment {
        variables = Map.copyOf(variables);
    }
}
