package org.corridor.operation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One coordinated evacuation arrangement: its parties, sites, agreements with their movements, and monitors. */
public record Operation(
        String id,
        LocalizedName name,
        ZoneId timezone,
        List<Party> parties,
        List<Site> sites,
        List<Agreement> agreements,
        List<Monitor> monitors,
        boolean requireSignatures,
        boolean isPublic) {

    public Operation {
        parties = List.copyOf(parties);
        sites = List.copyOf(sites);
        agreements = List.copyOf(agreements);
        monitors = List.copyOf(monitors);
    }

    /** Every movement of every agreement, in file order. */
    public List<Movement> movements() {
        List<Movement> all = new ArrayList<>();
        for (Agreement agreement : agreements) {
            all.addAll(agreement.movements());
        }
        return Collections.unmodifiableList(all);
    }

    /** The movement with this id, looked up without allocating: observations are checked against it in bulk. */
    public Optional<Movement> movement(String movementId) {
        for (Agreement agreement : agreements) {
            for (Movement movement : agreement.movements()) {
                if (movement.id().equals(movementId)) {
                    return Optional.of(movement);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Site> site(String siteId) {
        for (Site site : sites) {
            if (site.id().equals(siteId)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    public Optional<Monitor> monitor(String monitorId) {
        for (Monitor monitor : monitors) {
            if (monitor.id().equals(monitorId)) {
                return Optional.of(monitor);
            }
        }
        return Optional.empty();
    }

    public Optional<Party> party(String partyId) {
        for (Party party : parties) {
            if (party.id().equals(partyId)) {
                return Optional.of(party);
            }
        }
        return Optional.empty();
    }

    /** The agreement a movement belongs to. */
    public Optional<Agreement> agreementOf(String movementId) {
        return agreements.stream()
                .filter(a -> a.movements().stream().anyMatch(m -> m.id().equals(movementId)))
                .findFirst();
    }

    /** Movements by id, in file order. */
    public Map<String, Movement> movementsById() {
        Map<String, Movement> byId = new LinkedHashMap<>();
        for (Movement movement : movements()) {
            byId.put(movement.id(), movement);
        }
        return byId;
    }
}
