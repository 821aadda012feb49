package org.corridor.ledger;

import java.util.Set;
import java.util.TreeSet;

/** Ids of defined things (sites, movements, monitors, parties) that observations use. */
public record References(Set<String> sites, Set<String> movements, Set<String> monitors, Set<String> parties) {
    public References {
        sites = Set.copyOf(sites);
        movements = Set.copyOf(movements);
        monitors = Set.copyOf(monitors);
        parties = Set.copyOf(parties);
    }

    public static References none() {
        return new References(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** The ids used here that {@code defined} lacks, as "kind 'id'" texts in a stable order. */
    public Set<String> missingFrom(References defined) {
        Set<String> missing = new TreeSet<>();
        sites.stream().filter(id -> !defined.sites().contains(id)).forEach(id -> missing.add("site '" + id + "'"));
        movements.stream()
                .filter(id -> !defined.movements().contains(id))
                .forEach(id -> missing.add("movement '" + id + "'"));
        monitors.stream()
                .filter(id -> !defined.monitors().contains(id))
                .forEach(id -> missing.add("monitor '" + id + "'"));
        parties.stream().filter(id -> !defined.parties().contains(id)).forEach(id -> missing.add("party '" + id + "'"));
        return missing;
    }
}
