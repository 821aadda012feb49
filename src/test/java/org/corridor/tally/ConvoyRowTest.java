package org.corridor.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A convoy is marked signed exactly when its figures are the same counted from signed observations alone. */
class ConvoyRowTest {
    private static final Instant NOW = Scenario.at("2016-12-20T00:00:00").toInstant();

    private final Scenario scenario = new Scenario();

    private List<ConvoyRow> board() {
        OperationTallies tallies = new OperationTallies(Scenario.OPERATION);
        scenario.observations().forEach(tallies::add);
        return tallies.board(NOW);
    }

    @Test
    void everyObservationSigned_isSigned() {
        scenario.signing(true);
        scenario.departed("c1", "east-out", 50, "2016-12-15T08:00:00");
        scenario.arrived("c1", "east-out", 50, "2016-12-15T10:00:00");

        assertThat(board()).extracting(ConvoyRow::signed).containsExactly(true);
    }

    @Test
    void unsignedArrival_isNotSigned() {
        scenario.signing(true).departed("c1", "east-out", 50, "2016-12-15T08:00:00");
        scenario.signing(false).arrived("c1", "east-out", 50, "2016-12-15T10:00:00");

        assertThat(board()).extracting(ConvoyRow::signed).containsExactly(false);
    }

    @Test
    void unsignedCorrectionOfASignedCount_isNotSigned() {
        var departure = scenario.signing(true).departed("c1", "east-out", 50, "2016-12-15T08:00:00");
        scenario.signing(false).corrected(departure.id(), 45, "2016-12-15T09:00:00");

        assertThat(board()).extracting(ConvoyRow::signed).containsExactly(false);
    }

    @Test
    void unsignedPassageThatChangesOnlyWhereItWasLastSeen_isStillSigned() {
        scenario.signing(true).departed("c1", "east-out", 50, "2016-12-15T08:00:00");
        scenario.signing(false).passed("c1", 50L, "2016-12-15T09:00:00", "m2");

        List<ConvoyRow> board = board();

        assertThat(board).extracting(ConvoyRow::signed).containsExactly(true);
        assertThat(board.getFirst().convoy().lastSite()).isEqualTo("check");
    }

    @Test
    void noSignedObservation_isNotSigned_andKeepsNoSignedView() {
        scenario.departed("c1", "east-out", 50, "2016-12-15T08:00:00");
        OperationTallies tallies = new OperationTallies(Scenario.OPERATION);
        scenario.observations().forEach(tallies::add);

        assertThat(tallies.board(NOW)).extracting(ConvoyRow::signed).containsExactly(false);
        assertThat(tallies.snapshot().signed()).isNull();
        assertThat(tallies.signedTallies(NOW).departed()).isZero();
    }
}
