package org.corridor.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyEngineTest {
    private final Scenario scenario = new Scenario();

    private Tallies talliesAt(String localTime) {
        return TallyEngine.tallies(Scenario.OPERATION, scenario.observations(), instant(localTime));
    }

    private List<ConvoyView> boardAt(String localTime) {
        return TallyEngine.convoys(Scenario.OPERATION, scenario.observations(), instant(localTime));
    }

    private static Instant instant(String localTime) {
        return Scenario.at(localTime).toInstant();
    }

    private static MovementTally movement(Tallies tallies, String id) {
        return tallies.movements().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> alertKinds(Tallies tallies, String subject) {
        return tallies.alerts().stream()
                .filter(a -> a.subject().equals(subject))
                .map(Alert::kind)
                .toList();
    }

    @Test
    void tallies_emptyOperation_allZeroAndMovementsOpenOrPending() {
        Tallies tallies = talliesAt("2016-12-15T10:00:00");

        assertThat(tallies.operation()).isEqualTo("test-op");
        assertThat(tallies.asOf()).isEqualTo("2016-12-15T10:00:00+02:00");
        assertThat(List.of(tallies.departed(), tallies.evacuated(), tallies.inTransit(), tallies.detained()))
                .containsOnly(0L);
        assertThat(movement(tallies, "east-out").status()).isEqualTo("open");
        assertThat(movement(tallies, "town-out").status()).isEqualTo("pending");
        assertThat(movement(tallies, "town-out").openedAt()).isNull();
        assertThat(tallies.alerts()).isEmpty();
    }

    @Test
    void tallies_departedAndArrived_countEvacuatedForTheArrivalsMovement() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 300, "2016-12-15T10:00:00");
        scenario.departed("c2", "east-out", 200, "2016-12-15T09:00:00");

        Tallies tallies = talliesAt("2016-12-15T11:00:00");

        assertThat(tallies.departed()).isEqualTo(500);
        assertThat(tallies.evacuated()).isEqualTo(300);
        assertThat(tallies.inTransit()).isEqualTo(200);
        assertThat(tallies.unaccounted()).isZero();
        MovementTally east = movement(tallies, "east-out");
        assertThat(east.evacuated()).isEqualTo(300);
        assertThat(east.inTransit()).isEqualTo(200);
        assertThat(east.remaining()).isEqualTo(700);
        assertThat(east.progress()).isEqualTo(0.3);
    }

    @Test
    void tallies_asOf_countsOnlyObservationsUpToThatMoment() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 300, "2016-12-15T10:00:00");

        Tallies before = talliesAt("2016-12-15T09:59:59");
        Tallies exactly = talliesAt("2016-12-15T10:00:00");

        assertThat(before.evacuated()).isZero();
        assertThat(before.inTransit()).isEqualTo(300);
        assertThat(exactly.evacuated()).isEqualTo(300);
        assertThat(exactly.inTransit()).isZero();
    }

    @Test
    void tallies_detainedFromConvoy_leavesTransitAndIsNotUnaccounted() {
        var detention = scenario.detained(20, "c1", "2016-12-15T09:00:00");
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");

        Tallies inTransit = talliesAt("2016-12-15T09:30:00");
        assertThat(inTransit.inTransit()).isEqualTo(280);
        assertThat(inTransit.detained()).isEqualTo(20);

        scenario.arrived("c1", "east-out", 280, "2016-12-15T10:00:00");
        scenario.released(20, "camp", "east-out", detention.id(), "2016-12-15T18:00:00");

        Tallies later = talliesAt("2016-12-15T19:00:00");
        assertThat(later.unaccounted()).isZero();
        assertThat(later.detained()).isZero();
        assertThat(later.evacuated()).isEqualTo(300);
        assertThat(movement(later, "east-out").evacuated()).isEqualTo(300);
    }

    @Test
    void tallies_releaseNotToTheMovementsDestination_isNotEvacuated() {
        scenario.detained(20, null, "2016-12-15T09:00:00");
        scenario.released(5, "check", "east-out", null, "2016-12-15T10:00:00");
        scenario.released(5, "camp", null, null, "2016-12-15T10:00:00");

        Tallies tallies = talliesAt("2016-12-15T11:00:00");

        assertThat(tallies.evacuated()).isZero();
        assertThat(tallies.detained()).isEqualTo(10);
    }

    @Test
    void tallies_moreReleasedThanDetained_detainedIsNotNegative() {
        scenario.released(5, "camp", null, null, "2016-12-15T10:00:00");

        assertThat(talliesAt("2016-12-15T11:00:00").detained()).isZero();
    }

    @Test
    void tallies_missingPeople_areUnaccountedWithAnAlert() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.detained(10, "c1", "2016-12-15T09:00:00");
        scenario.arrived("c1", "east-out", 280, "2016-12-15T10:00:00");

        Tallies tallies = talliesAt("2016-12-15T11:00:00");

        assertThat(tallies.unaccounted()).isEqualTo(10);
        assertThat(alertKinds(tallies, "c1")).containsExactly("convoy-unaccounted");
        assertThat(tallies.alerts().get(0).message()).contains("10 people are unaccounted");
    }

    @Test
    void tallies_moreArrivedThanDeparted_raisesSurplus() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 310, "2016-12-15T10:00:00");

        Tallies tallies = talliesAt("2016-12-15T11:00:00");

        assertThat(tallies.unaccounted()).isZero();
        assertThat(alertKinds(tallies, "c1")).containsExactly("convoy-surplus");
    }

    @Test
    void tallies_arrivalStoredBeforeDeparture_isCountedAndFlagged() {
        scenario.arrived("c1", "east-out", 300, "2016-12-15T10:00:00");

        Tallies tallies = talliesAt("2016-12-15T11:00:00");

        assertThat(tallies.evacuated()).isEqualTo(300);
        assertThat(tallies.departed()).isZero();
        assertThat(alertKinds(tallies, "c1")).containsExactly("arrival-without-departure");
        assertThat(boardAt("2016-12-15T11:00:00").get(0).departed()).isNull();
    }

    @Test
    void tallies_haltOverTwoHours_raisesHaltedUntilResumed() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.halted("c1", "2016-12-15T09:00:00");

        assertThat(alertKinds(talliesAt("2016-12-15T11:00:00"), "c1")).isEmpty();
        assertThat(alertKinds(talliesAt("2016-12-15T11:00:01"), "c1")).containsExactly("convoy-halted");
        assertThat(boardAt("2016-12-15T11:00:01").get(0).status()).isEqualTo("halted");

        scenario.resumed("c1", "2016-12-15T12:00:00");

        assertThat(alertKinds(talliesAt("2016-12-15T13:00:00"), "c1")).isEmpty();
        assertThat(boardAt("2016-12-15T13:00:00").get(0).status()).isEqualTo("departed");
    }

    @Test
    void tallies_twoMonitorsDisagree_convoyIsDisputed() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00", "m1");
        scenario.departed("c1", "east-out", 310, "2016-12-15T08:05:00", "m2");

        Tallies tallies = talliesAt("2016-12-15T09:00:00");

        assertThat(alertKinds(tallies, "c1")).containsExactly("convoy-disputed");
        assertThat(tallies.departed()).isEqualTo(310);
        assertThat(boardAt("2016-12-15T09:00:00").get(0).disputed()).isTrue();
    }

    @Test
    void tallies_oneMonitorRecountsTwice_isNotDisputed() {
        scenario.passed("c1", 300L, "2016-12-15T08:00:00", "m1");
        scenario.passed("c1", 305L, "2016-12-15T08:01:00", "m1");

        assertThat(boardAt("2016-12-15T09:00:00").get(0).disputed()).isFalse();
    }

    @Test
    void tallies_passageCountsDifferByMonitor_isDisputed() {
        scenario.passed("c1", 300L, "2016-12-15T08:00:00", "m1");
        scenario.passed("c1", 305L, "2016-12-15T08:01:00", "m2");

        assertThat(alertKinds(talliesAt("2016-12-15T09:00:00"), "c1")).containsExactly("convoy-disputed");
    }

    @Test
    void tallies_correctionSettlesADispute() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00", "m1");
        var second = scenario.departed("c1", "east-out", 310, "2016-12-15T08:05:00", "m2");
        scenario.corrected(second.id(), 300, "2016-12-15T09:00:00");

        Tallies tallies = talliesAt("2016-12-15T10:00:00");

        assertThat(tallies.alerts()).isEmpty();
        assertThat(tallies.departed()).isEqualTo(300);
    }

    @Test
    void tallies_competingDepartures_laterAtWins() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:10:00");
        scenario.departed("c1", "east-out", 280, "2016-12-15T08:00:00");

        assertThat(talliesAt("2016-12-15T09:00:00").departed()).isEqualTo(300);
    }

    @Test
    void tallies_competingDeparturesAtTheSameMoment_smallerIdWins() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.departed("c1", "east-out", 280, "2016-12-15T08:00:00");

        assertThat(talliesAt("2016-12-15T09:00:00").departed()).isEqualTo(300);
    }

    @Test
    void tallies_correction_replacesTheCountWhenItsTimeHasCome() {
        var departure = scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.corrected(departure.id(), 320, "2016-12-15T12:00:00");
        scenario.corrected(departure.id(), 330, "2016-12-15T11:00:00");

        assertThat(talliesAt("2016-12-15T10:00:00").departed()).isEqualTo(300);
        assertThat(talliesAt("2016-12-15T11:30:00").departed()).isEqualTo(330);
        assertThat(talliesAt("2016-12-15T12:30:00").departed()).isEqualTo(320);
    }

    @Test
    void tallies_sinceMidnight_usesTheOperationsZone() {
        scenario.departed("c1", "east-out", 100, "2016-12-15T20:00:00");
        scenario.arrived("c1", "east-out", 100, "2016-12-15T23:59:59");
        scenario.departed("c2", "east-out", 50, "2016-12-15T22:00:00");
        scenario.arrived("c2", "east-out", 50, "2016-12-16T00:00:00");

        Tallies tallies = talliesAt("2016-12-16T08:00:00");

        assertThat(tallies.evacuated()).isEqualTo(150);
        assertThat(tallies.sinceMidnight()).isEqualTo(50);
    }

    @Test
    void tallies_rateAndEta_fromTheLastSixHours() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T01:00:00");
        scenario.arrived("c1", "east-out", 300, "2016-12-15T03:59:59");
        scenario.departed("c2", "east-out", 300, "2016-12-15T05:00:00");
        scenario.arrived("c2", "east-out", 300, "2016-12-15T06:00:00");

        MovementTally east = movement(talliesAt("2016-12-15T10:00:00"), "east-out");

        assertThat(east.ratePerHour()).isEqualTo(50.0);
        assertThat(east.remaining()).isEqualTo(400);
        assertThat(east.eta()).isEqualTo("2016-12-15T18:00:00+02:00");
    }

    @Test
    void eta_centuriesAway_isNullRatherThanWrapping() {
        long asOf = Fact.nanos(instant("2016-12-15T10:00:00"));

        assertThat(Aggregates.eta(asOf, 999_999, 1 / 6.0, Scenario.ZONE)).isNull();
        assertThat(Aggregates.eta(asOf, 400, 50, Scenario.ZONE)).isEqualTo("2016-12-15T18:00:00+02:00");
    }

    @Test
    void tallies_noRecentEvacuations_noEta() {
        MovementTally east = movement(talliesAt("2016-12-15T10:00:00"), "east-out");

        assertThat(east.ratePerHour()).isZero();
        assertThat(east.eta()).isNull();
    }

    @Test
    void tallies_linkedMovement_opensAtTheArrivalThatReachesTheThreshold() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 300, "2016-12-15T10:00:00");
        scenario.departed("c2", "east-out", 250, "2016-12-15T09:00:00");
        scenario.arrived("c2", "east-out", 250, "2016-12-15T11:00:00");

        Tallies before = talliesAt("2016-12-15T10:30:00");
        Tallies after = talliesAt("2016-12-15T12:00:00");

        assertThat(movement(before, "town-out").status()).isEqualTo("pending");
        assertThat(movement(before, "town-out").openedAt()).isNull();
        assertThat(movement(after, "town-out").status()).isEqualTo("open");
        assertThat(movement(after, "town-out").openedAt()).isEqualTo("2016-12-15T11:00:00+02:00");
    }

    @Test
    void tallies_departureBeforeOpening_raisesDepartureWhilePending() {
        scenario.departed("t1", "town-out", 40, "2016-12-15T08:00:00");

        Tallies tallies = talliesAt("2016-12-15T09:00:00");

        assertThat(alertKinds(tallies, "town-out")).containsExactly("departure-while-pending");
    }

    @Test
    void tallies_pastDeadline_isOverdueWithAnAlert_unlessCompleted() {
        Tallies overdue = talliesAt("2016-12-20T12:00:01");

        assertThat(movement(overdue, "east-out").status()).isEqualTo("overdue");
        assertThat(alertKinds(overdue, "east-out")).containsExactly("movement-overdue");

        scenario.departed("c1", "east-out", 1000, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 1000, "2016-12-15T10:00:00");
        Tallies completed = talliesAt("2016-12-20T12:00:01");

        assertThat(movement(completed, "east-out").status()).isEqualTo("completed");
        assertThat(movement(completed, "east-out").eta()).isNull();
        assertThat(alertKinds(completed, "east-out")).isEmpty();
    }

    @Test
    void convoys_showLastSiteAndTimeInTheOperationsZone() {
        scenario.departed("c1", "east-out", 300, "2016-12-15T08:00:00");
        scenario.passed("c1", 300L, "2016-12-15T09:00:00", "m3");
        scenario.detained(12, "c1", "2016-12-15T09:10:00");

        ConvoyView convoy = boardAt("2016-12-15T10:00:00").get(0);

        assertThat(convoy)
                .isEqualTo(new ConvoyView(
                        "c1", "east-out", "departed", 300L, null, 12, "check", "2016-12-15T09:10:00+02:00", false));
    }

    @Test
    void tallies_incidentsDoNotChangeTheNumbers() {
        scenario.incident("2016-12-15T08:00:00");

        Tallies tallies = talliesAt("2016-12-15T09:00:00");

        assertThat(tallies.evacuated()).isZero();
        assertThat(tallies.alerts()).isEmpty();
    }
}
