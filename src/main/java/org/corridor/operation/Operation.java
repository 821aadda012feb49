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

    public Optional<Movement> movement(String movementId) {
        return movements().stream().filter(m -> m.id().equals(movementId)).findFirst();
    }

    public Optional<Site> site(String siteId) {
        return sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
    }

    public Optional<Monitor> monitor(String monitorId) {
        return monitors.stream().filter(m -> m.id().equals(monitorId)).findFirst();
    }

    public Optional<Party> party(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
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
