package org.corridor.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.corridor.access.Principal;
import org.corridor.access.Role;
import org.corridor.operation.Agreement;
import org.corridor.operation.Operation;
import org.corridor.service.CorridorService;
import org.corridor.tally.Alert;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.ConvoyView;
import org.corridor.tally.MovementTally;
import org.corridor.tally.Tallies;

/**
 * What a liaison sees of an operation (CONTRACT §8: "tallies and convoys of the agreements its party signed, nothing
 * else"): the movements of those agreements, the convoys on them, the alerts about either, and headline figures
 * summed over them alone. Everyone else sees the whole operation.
 *
 * <p>The headline figures of a party's view: {@code departed}, {@code detained} and {@code unaccounted} are summed
 * over the convoys of its movements (people detained from those convoys; a detention naming no convoy, and a release,
 * belong to no movement's convoys and are left out); {@code evacuated} and {@code inTransit} are the sums of its
 * movements' own figures (releases to a movement's destination included); {@code sinceMidnight} is its movements'
 * evacuated now less their evacuated just before the start of the day.
 */
final class PartyView {
    private static final Set<String> ABOUT_MOVEMENTS = Set.of("movement-overdue", "departure-while-pending");

    private PartyView() {}

    /** The party whose view the principal gets, or null when it sees the whole operation. */
    static String partyOf(Principal principal) {
        return principal != null && principal.role() == Role.LIAISON ? principal.party() : null;
    }

    /** As {@link #partyOf}, for tallies: those of a public operation are everyone's, a liaison's too. */
    static String talliesPartyOf(Principal principal, Operation operation) {
        return operation.isPublic() ? null : partyOf(principal);
    }

    /** The movements of the agreements {@code party} signed. */
    static Set<String> movements(Operation operation, String party) {
        Set<String> movements = new HashSet<>();
        for (Agreement agreement : operation.agreements()) {
            if (agreement.parties().contains(party)) {
                agreement.movements().forEach(movement -> movements.add(movement.id()));
            }
        }
        return movements;
    }

    /** The rows of the board on the party's movements. */
    static List<ConvoyRow> board(List<ConvoyRow> board, Set<String> movements) {
        return board.stream()
                .filter(row -> movements.contains(row.convoy().movement()))
                .toList();
    }

    /** The convoys on the party's movements. */
    static List<ConvoyView> convoys(List<ConvoyView> convoys, Set<String> movements) {
        return convoys.stream()
                .filter(convoy -> movements.contains(convoy.movement()))
                .toList();
    }

    /**
     * The party's tallies of an operation, as of {@code asOf} (now when null), of every observation or of the signed
     * ones alone.
     */
    static Tallies tallies(CorridorService service, String operationId, String party, Instant asOf, boolean signed) {
        BiFunction<String, Instant, Tallies> talliesOf = signed ? service::signedTallies : service::tallies;
        BiFunction<String, Instant, List<ConvoyView>> convoysOf = signed ? service::signedConvoys : service::convoys;
        Operation operation = service.operation(operationId);
        Tallies all = talliesOf.apply(operationId, asOf);
        Instant at = OffsetDateTime.parse(all.asOf()).toInstant();
        Set<String> movements = movements(operation, party);
        List<ConvoyView> convoys = convoys(convoysOf.apply(operationId, at), movements);
        ZoneId zone = operation.timezone();
        Instant startOfDay = at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        long evacuatedBeforeToday = evacuated(talliesOf.apply(operationId, startOfDay.minusNanos(1)), movements);
        return narrowed(all, movements, convoys, evacuatedBeforeToday);
    }

    private static Tallies narrowed(
            Tallies all, Set<String> movements, List<ConvoyView> convoys, long evacuatedBeforeToday) {
        List<MovementTally> rows = all.movements().stream()
                .filter(movement -> movements.contains(movement.id()))
                .toList();
        Set<String> convoyIds = new HashSet<>();
        long departed = 0;
        long detained = 0;
        long unaccounted = 0;
        for (ConvoyView convoy : convoys) {
            convoyIds.add(convoy.id());
            departed += convoy.departed() == null ? 0 : convoy.departed();
            detained += convoy.detained();
            if (convoy.departed() != null && convoy.arrived() != null) {
                unaccounted += Math.max(0, convoy.departed() - convoy.arrived() - convoy.detained());
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (Alert alert : all.alerts()) {
            boolean ours = ABOUT_MOVEMENTS.contains(alert.kind())
                    ? movements.contains(alert.subject())
                    : convoyIds.contains(alert.subject());
            if (ours) {
                alerts.add(alert);
            }
        }
        long evacuated = rows.stream().mapToLong(MovementTally::evacuated).sum();
        long inTransit = rows.stream().mapToLong(MovementTally::inTransit).sum();
        return new Tallies(
                all.operation(),
                all.asOf(),
                departed,
                evacuated,
                inTransit,
                detained,
                unaccounted,
                Math.max(0, evacuated - evacuatedBeforeToday),
                rows,
                alerts);
    }

    private static long evacuated(Tallies tallies, Set<String> movements) {
        return tallies.movements().stream()
                .filter(movement -> movements.contains(movement.id()))
                .mapToLong(MovementTally::evacuated)
                .sum();
    }
}
