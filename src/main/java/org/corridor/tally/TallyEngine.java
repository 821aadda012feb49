package org.corridor.tally;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.corridor.core.Times;
import org.corridor.observation.Observation;
import org.corridor.operation.Operation;

/**
 * The numbers of CONTRACT §3 as pure functions of (operation, observations, time).
 *
 * <p>Design note. The computation has two steps. First, each convoy's facts reduce to a {@link ConvoyState}: the
 * winning departure and arrival (later {@code at}, then smaller id), their counts after the winning correction, the
 * people detained from it, its latest halt or resumption and whether two monitors disagree. Second, the states, the
 * releases and the detentions not tied to a convoy are summed into {@link Aggregates}, from which the totals,
 * per-movement figures and alerts are assembled. Every step reads the set of facts, never their arrival order, and
 * a repeated id is dropped on entry, so the result cannot depend on order or duplication. {@link LiveTallies} keeps
 * both steps' results between calls and redoes only what a new observation touches.
 */
public final class TallyEngine {
    private TallyEngine() {}

    /** The tallies of {@code observations} (a set: duplicates by id count once) as of {@code asOf}. */
    public static Tallies tallies(Operation operation, Collection<? extends Observation> observations, Instant asOf) {
        FactSet facts = factsUpTo(observations, asOf);
        return Aggregates.of(operation, facts).tallies(operation, Fact.nanos(asOf));
    }

    /** The convoy board of {@code observations} as of {@code asOf}, ordered by convoy id. */
    public static List<ConvoyView> convoys(
            Operation operation, Collection<? extends Observation> observations, Instant asOf) {
        FactSet facts = factsUpTo(observations, asOf);
        return board(operation.timezone(), facts.states(Map.of()));
    }

    private static FactSet factsUpTo(Collection<? extends Observation> observations, Instant asOf) {
        long limit = Fact.nanos(asOf);
        Interner interner = new Interner();
        FactSet facts = new FactSet();
        for (Observation observation : observations) {
            if (Fact.nanos(observation.instant()) <= limit) {
                facts.add(Fact.of(observation, interner));
            }
        }
        return facts;
    }

    static List<ConvoyView> board(ZoneId zone, Collection<ConvoyState> states) {
        return states.stream()
                .sorted(Comparator.comparing(ConvoyState::id))
                .map(state -> new ConvoyView(
                        state.id(),
                        state.movement(),
                        state.status(),
                        state.hasDeparted() ? state.departed() : null,
                        state.hasArrived() ? state.arrived() : null,
                        state.detained(),
                        state.latest().site(),
                        Times.format(Fact.instant(state.latest().at()), zone),
                        state.dispute() != null))
                .toList();
    }
}
