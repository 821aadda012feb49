package org.corridor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corridor.claims.Claim;
import org.corridor.claims.Event;
import org.corridor.claims.Modality;
import org.corridor.claims.Unit;
import org.junit.jupiter.api.Test;

/** The assessment of a claimed figure against the verified one: within 10%, or which way it errs. */
class ClaimsDeskTest {
    private static Claim claim(long quantity, Claim.Bound bound, long upTo) {
        return new Claim(
                quantity,
                true,
                bound,
                upTo,
                Unit.PEOPLE,
                Event.EVACUATED,
                Modality.REPORTED,
                List.of(),
                null,
                null,
                new Claim.Span(0, 1));
    }

    @Test
    void aFigure_isConsistentWithinTenPercentOfTheVerifiedOne_elseOverOrUnderstated() {
        assertThat(ClaimsDesk.assessment(claim(12_000, null, 0), 11_629)).isEqualTo("consistent");
        assertThat(ClaimsDesk.assessment(claim(12_791, null, 0), 11_629)).isEqualTo("consistent");
        assertThat(ClaimsDesk.assessment(claim(12_793, null, 0), 11_629)).isEqualTo("overstated");
        assertThat(ClaimsDesk.assessment(claim(10_000, null, 0), 11_629)).isEqualTo("understated");
        assertThat(ClaimsDesk.assessment(claim(0, null, 0), 0)).isEqualTo("consistent");
    }

    @Test
    void boundsAndRanges_areConsistentWhenTheVerifiedFigureIsOnTheirSide() {
        assertThat(ClaimsDesk.assessment(claim(10_000, Claim.Bound.AT_LEAST, 0), 11_629))
                .isEqualTo("consistent");
        assertThat(ClaimsDesk.assessment(claim(15_000, Claim.Bound.AT_LEAST, 0), 11_629))
                .isEqualTo("overstated");
        assertThat(ClaimsDesk.assessment(claim(12_000, Claim.Bound.AT_MOST, 0), 11_629))
                .isEqualTo("consistent");
        assertThat(ClaimsDesk.assessment(claim(8_000, Claim.Bound.AT_MOST, 0), 11_629))
                .isEqualTo("understated");
        assertThat(ClaimsDesk.assessment(claim(10_000, null, 12_000), 11_629)).isEqualTo("consistent");
        assertThat(ClaimsDesk.assessment(claim(14_000, null, 16_000), 11_629)).isEqualTo("overstated");
        assertThat(ClaimsDesk.assessment(claim(5_000, null, 6_000), 11_629)).isEqualTo("understated");
    }
}
