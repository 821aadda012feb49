package org.corridor.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.corridor.observation.Header;
import org.corridor.observation.Observation;

/**
 * The laws of the numbers: they are a function of the set of observations, whatever the order of arrival and however
 * often each arrives; a correction applies whenever it arrives; competing observations follow the later-{@code at},
 * smaller-id rule; and the live, incremental tallies always equal the pure computation.
 */
class TallyLawsTest {
    private static final OffsetDateTime START = OffsetDateTime.parse("2016-12-15T00:00:00+02:00");
    private static final List<String> CONVOYS = List.of("c1", "c2", "c3", "c4", "c5", "t1", "t2");
    private static final List<String> MONITORS = List.of("m1", "m2", "m3");

    @Property(tries = 300)
    void tallies_doNotDependOnOrderOrDuplicates(
            @ForAll("observationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("moments") Instant asOf) {
        List<Observation> shuffled = shuffledWithDuplicates(observations, new Random(seed));

        assertThat(TallyEngine.tallies(Scenario.OPERATION, shuffled, asOf))
                .isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        assertThat(TallyEngine.convoys(Scenario.OPERATION, shuffled, asOf))
                .isEqualTo(TallyEngine.convoys(Scenario.OPERATION, observations, asOf));
    }

    @Property(tries = 300)
    void liveTallies_equalThePureComputation_forAnyArrivalOrderAndMoment(
            @ForAll("observationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("moments") Instant asOf) {
        LiveTallies live = new LiveTallies(Scenario.OPERATION);
        Random random = new Random(seed);
        Instant now = START.plusDays(10).toInstant();
        for (Observation observation : shuffledWithDuplicates(observations, random)) {
            live.add(observation);
            if (random.nextInt(5) == 0) {
                live.tallies(now);
            }
        }

        assertThat(live.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        assertThat(live.tallies(now)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, now));
        assertThat(live.convoys(now)).isEqualTo(TallyEngine.convoys(Scenario.OPERATION, observations, now));
        assertThat(live.size()).isEqualTo(observations.size());
    }

    @Property(tries = 300)
    void signedOnlyTallies_equalThePureComputationOverTheSignedSubset_forAnyArrivalOrderAndMoment(
            @ForAll("observationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("moments") Instant asOf) {
        OperationTallies tallies = new OperationTallies(Scenario.OPERATION);
        Random random = new Random(seed);
        Instant now = START.plusDays(10).toInstant();
        for (Observation observation : shuffledWithDuplicates(observations, random)) {
            tallies.add(observation);
            if (random.nextInt(5) == 0) {
                tallies.board(now);
            }
        }
        List<Observation> signed = observations.stream()
                .filter(observation -> observation.header().signature() != null)
                .toList();

        assertThat(tallies.signedTallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, signed, asOf));
        assertThat(tallies.signedConvoys(now)).isEqualTo(TallyEngine.convoys(Scenario.OPERATION, signed, now));
        assertThat(tallies.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        assertThat(tallies.board(asOf))
                .isEqualTo(ConvoyRow.mark(
                        TallyEngine.convoys(Scenario.OPERATION, observations, asOf),
                        TallyEngine.convoys(Scenario.OPERATION, signed, asOf)));
    }

    /**
     * The case the live tallies shortcut: as of a moment inside the operation, a convoy whose observations and their
     * corrections all came by then keeps its current state, and one with a later observation or correction is
     * recomputed. Convoys here keep to half-day windows of their own, so both kinds occur, and corrections come at any
     * time, so some reach back into a finished convoy.
     */
    @Property(tries = 300)
    void liveTallies_asOfAMomentAfterSomeConvoysFinished_equalThePureComputation(
            @ForAll("phasedObservationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("nanos") int nanos) {
        Random random = new Random(seed);
        Instant asOf = observations.isEmpty()
                ? START.toInstant()
                : observations
                        .get(random.nextInt(observations.size()))
                        .instant()
                        .plusNanos(nanos);
        LiveTallies live = new LiveTallies(Scenario.OPERATION);
        Instant now = START.plusDays(10).toInstant();
        for (Observation observation : shuffledWithDuplicates(observations, random)) {
            live.add(observation);
            if (random.nextInt(5) == 0) {
                live.tallies(random.nextBoolean() ? now : asOf);
            }
        }
        collectWholeAndCutConvoys(observations, asOf);

        assertThat(live.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        assertThat(live.convoys(asOf)).isEqualTo(TallyEngine.convoys(Scenario.OPERATION, observations, asOf));
        assertThat(live.tallies(now)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, now));
        Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
    }

    /**
     * The tallies as of an earlier moment come from sums kept at cuts of the facts' times, advanced over the facts
     * after the cut (see {@link History}). With windows of a few facts, so that there are many cuts, facts arriving in
     * any order (late ones making marks stale, windows splitting) and questions asked between arrivals: every answer
     * equals the pure computation over the observations added so far.
     */
    @Property(tries = 300)
    void asOfThroughHistoryMarks_equalsAFullReplay_forRandomHistoriesAndMoments(
            @ForAll("observationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("historyWindows") int window) {
        checkHistory(observations, new Random(seed), window);
    }

    /** As above, with convoys that keep to windows of their own, so that most cuts fall between convoys. */
    @Property(tries = 200)
    void asOfThroughHistoryMarks_equalsAFullReplay_forPhasedHistories(
            @ForAll("phasedObservationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("historyWindows") int window) {
        checkHistory(observations, new Random(seed), window);
    }

    private static void checkHistory(List<Observation> observations, Random random, int window) {
        LiveTallies live = LiveTallies.withHistoryWindow(Scenario.OPERATION, window);
        List<Observation> added = new ArrayList<>();
        for (Observation observation : shuffledWithDuplicates(observations, random)) {
            live.add(observation);
            added.add(observation);
            if (random.nextInt(4) == 0) {
                live.prepareHistory();
            }
            if (random.nextInt(3) == 0) {
                Instant asOf = moment(observations, random);
                assertThat(live.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, added, asOf));
            }
        }
        for (int i = 0; i < 5; i++) {
            Instant asOf = moment(observations, random);
            assertThat(live.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        }
        Statistics.label("history cut into several windows").collect(live.historyWindows() > 2);
        Statistics.label("history cut into several windows")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 25));
    }

    /** An observation's moment, a nanosecond either side of it, or any minute of the scenario. */
    private static Instant moment(List<Observation> observations, Random random) {
        if (observations.isEmpty() || random.nextInt(4) == 0) {
            return START.plusMinutes(random.nextInt(5 * 24 * 60) - 60).toInstant();
        }
        return observations.get(random.nextInt(observations.size())).instant().plusNanos(random.nextInt(3) - 1);
    }

    @Provide
    Arbitrary<Integer> historyWindows() {
        return Arbitraries.integers().between(1, 8);
    }

    /** Records whether, as of {@code asOf}, some convoy is held whole and another cut, which the property needs. */
    private static void collectWholeAndCutConvoys(List<Observation> observations, Instant asOf) {
        FactSet facts = new FactSet();
        Interner interner = new Interner();
        observations.forEach(observation -> facts.add(Fact.of(observation, interner)));
        FactSet earlier = facts.upTo(Fact.nanos(asOf));
        boolean whole = false;
        boolean cut = false;
        for (String convoy : earlier.convoys()) {
            whole |= earlier.isWhole(convoy);
            cut |= !earlier.isWhole(convoy);
        }
        Statistics.collect(whole && cut);
    }

    @Property(tries = 200)
    void snapshot_readBack_givesTheSameNumbersAndKeepsCounting(
            @ForAll("observationSets") List<Observation> observations,
            @ForAll long seed,
            @ForAll("moments") Instant asOf)
            throws java.io.IOException {
        int half = observations.size() / 2;
        LiveTallies live = new LiveTallies(Scenario.OPERATION);
        shuffledWithDuplicates(observations.subList(0, half), new Random(seed)).forEach(live::add);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        live.snapshot().writeTo(new java.io.DataOutputStream(bytes));

        LiveTallies restored =
                TallySnapshot.readInto(Scenario.OPERATION, java.nio.ByteBuffer.wrap(bytes.toByteArray()));
        observations.subList(half, observations.size()).forEach(restored::add);
        Instant now = START.plusDays(10).toInstant();

        assertThat(restored.size()).isEqualTo(observations.size());
        assertThat(restored.tallies(now)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, now));
        assertThat(restored.tallies(asOf)).isEqualTo(TallyEngine.tallies(Scenario.OPERATION, observations, asOf));
        assertThat(restored.convoys(now)).isEqualTo(TallyEngine.convoys(Scenario.OPERATION, observations, now));
    }

    @Property(tries = 200)
    void correction_appliesWhetherItArrivesBeforeOrAfterItsTarget(
            @ForAll("counts") long reported,
            @ForAll("counts") long corrected,
            @ForAll("minutes") int departedAt,
            @ForAll("minutes") int correctedAt) {
        Random ids = new Random(reported * 31 + corrected);
        Observation departure = departure("c1", reported, departedAt, "m1", ids);
        Observation correction = new Observation.CountCorrected(
                header(correctedAt, "m2", "check", ids), departure.id(), corrected, "recount");
        Instant after = START.plusDays(5).toInstant();

        LiveTallies correctionFirst = new LiveTallies(Scenario.OPERATION);
        correctionFirst.add(correction);
        correctionFirst.tallies(after);
        correctionFirst.add(departure);
        LiveTallies targetFirst = new LiveTallies(Scenario.OPERATION);
        targetFirst.add(departure);
        targetFirst.tallies(after);
        targetFirst.add(correction);

        assertThat(correctionFirst.tallies(after).departed()).isEqualTo(corrected);
        assertThat(targetFirst.tallies(after).departed()).isEqualTo(corrected);
        assertThat(TallyEngine.tallies(Scenario.OPERATION, List.of(correction, departure), after)
                        .departed())
                .isEqualTo(corrected);
    }

    @Property(tries = 300)
    void competingDepartures_laterAtWinsThenSmallerId(
            @ForAll("departureSets") List<Observation.ConvoyDeparted> departures, @ForAll long seed) {
        List<Observation.ConvoyDeparted> shuffled = new ArrayList<>(departures);
        Collections.shuffle(shuffled, new Random(seed));
        Observation.ConvoyDeparted expected = departures.stream()
                .max((a, b) -> {
                    int byTime = a.instant().compareTo(b.instant());
                    return byTime != 0 ? byTime : b.id().toString().compareTo(a.id().toString());
                })
                .orElseThrow();

        List<ConvoyView> board = TallyEngine.convoys(
                Scenario.OPERATION, shuffled, START.plusDays(5).toInstant());

        assertThat(board).singleElement().satisfies(convoy -> {
            assertThat(convoy.departed()).isEqualTo(expected.people());
            assertThat(convoy.movement()).isEqualTo(expected.movement());
        });
    }

    private static List<Observation> shuffledWithDuplicates(List<Observation> observations, Random random) {
        List<Observation> copy = new ArrayList<>(observations);
        for (Observation observation : observations) {
            if (random.nextInt(3) == 0) {
                copy.add(observation);
            }
        }
        Collections.shuffle(copy, random);
        return copy;
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.longs().between(0, 500);
    }

    @Provide
    Arbitrary<Integer> minutes() {
        return Arbitraries.integers().between(0, 4 * 24 * 60);
    }

    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(-1, 1));
    }

    /** Like {@link #observationSets}, but each convoy's observations fall in a half-day window of its own. */
    @Provide
    Arbitrary<List<Observation>> phasedObservationSets() {
        return Arbitraries.integers().between(0, 60).flatMap(size -> Arbitraries.longs()
                .map(seed -> generate(size, new Random(seed), true)));
    }

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.integers().between(-60, 6 * 24 * 60).map(minute -> START.plusMinutes(minute)
                .toInstant());
    }

    @Provide
    Arbitrary<List<Observation.ConvoyDeparted>> departureSets() {
        Arbitrary<Observation.ConvoyDeparted> departure = Combinators.combine(
                        Arbitraries.of("east-out", "town-out"),
                        counts(),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(MONITORS),
                        Arbitraries.longs(),
                        Arbitraries.longs())
                .as((movement, people, minute, monitor, high, low) -> {
                    String site =
                            Scenario.OPERATION.movement(movement).orElseThrow().from();
                    return new Observation.ConvoyDeparted(
                            new Header(
                                    new UUID(high, low),
                                    "test-op",
                                    START.plusMinutes(minute),
                                    monitor,
                                    site,
                                    null,
                                    null),
                            "c1",
                            movement,
                            people,
                            Map.of());
                });
        return departure.list().uniqueElements(Observation::id).ofMinSize(1).ofMaxSize(6);
    }

    /** Random sets over the scenario: every type, corrections aimed at earlier ones, times over four days. */
    @Provide
    Arbitrary<List<Observation>> observationSets() {
        return Arbitraries.integers().between(0, 60).flatMap(size -> Arbitraries.longs()
                .map(seed -> generate(size, new Random(seed), false)));
    }

    private static List<Observation> generate(int size, Random random, boolean phased) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String convoy = CONVOYS.get(random.nextInt(CONVOYS.size()));
            String movement = convoy.startsWith("t") ? "town-out" : "east-out";
            String monitor = MONITORS.get(random.nextInt(MONITORS.size()));
            int anyMinute = random.nextInt(4 * 24 * 60);
            int minute = phased ? CONVOYS.indexOf(convoy) * 12 * 60 + anyMinute % (12 * 60) : anyMinute;
            long people = random.nextInt(400);
            var scenarioMovement = Scenario.OPERATION.movement(movement).orElseThrow();
            Observation observation =
                    switch (random.nextInt(10)) {
                        case 0, 1 -> departure(convoy, people, minute, monitor, random);
                        case 2, 3 ->
                            new Observation.ConvoyArrived(
                                    header(minute, monitor, scenarioMovement.to(), random),
                                    convoy,
                                    movement,
                                    people,
                                    Map.of());
                        case 4 ->
                            new Observation.ConvoyPassed(
                                    header(minute, monitor, "check", random),
                                    convoy,
                                    random.nextBoolean() ? people : null,
                                    Map.of());
                        case 5 ->
                            random.nextBoolean()
                                    ? new Observation.ConvoyHalted(
                                            header(minute, monitor, "check", random), convoy, "checks")
                                    : new Observation.ConvoyResumed(header(minute, monitor, "check", random), convoy);
                        case 6 ->
                            new Observation.PersonsDetained(
                                    header(minute, monitor, "check", random),
                                    people / 10,
                                    random.nextBoolean() ? convoy : null,
                                    "govt");
                        case 7 ->
                            new Observation.PersonsReleased(
                                    header(minute, monitor, "check", random),
                                    people / 20,
                                    random.nextBoolean() ? scenarioMovement.to() : "check",
                                    random.nextBoolean() ? movement : null,
                                    null);
                        case 8 ->
                            observations.isEmpty()
                                    ? departure(convoy, people, minute, monitor, random)
                                    : new Observation.CountCorrected(
                                            header(anyMinute, monitor, "check", random),
                                            observations
                                                    .get(random.nextInt(observations.size()))
                                                    .id(),
                                            people,
                                            "recount");
                        default -> departure(convoy, people, minute, monitor, random);
                    };
            observations.add(observation);
        }
        return observations;
    }

    private static Observation.ConvoyDeparted departure(
            String convoy, long people, int minute, String monitor, Random random) {
        String movement = convoy.startsWith("t") ? "town-out" : "east-out";
        String site = Scenario.OPERATION.movement(movement).orElseThrow().from();
        return new Observation.ConvoyDeparted(
                header(minute, monitor, site, random), convoy, movement, people, Map.of());
    }

    /** A header, signed one time in three (the numbers never check a signature; the service does). */
    private static Header header(int minute, String monitor, String site, Random random) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String signature = random.nextInt(3) == 0 ? "signature-of-" + id : null;
        return new Header(id, "test-op", START.plusMinutes(minute), monitor, site, null, signature);
    }
}
