package org.corridor.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory limits stay bounded however many names or addresses an attacker makes up. */
class LimitsTest {
    private final SessionTimeoutsTest.MovableClock clock =
            new SessionTimeoutsTest.MovableClock(Instant.parse("2016-12-19T08:00:00Z"));

    @Test
    void loginThrottle_dropsKeysWhoseFailuresAreOld() {
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(1), clock);
        for (int i = 0; i <= LoginThrottle.SWEEP_ABOVE; i++) {
            throttle.failed("made-up-" + i);
        }
        clock.advance(Duration.ofMinutes(2));

        throttle.failed("one-more");
        throttle.failed("and-another");

        assertThat(throttle.keys()).isEqualTo(2);
    }

    @Test
    void rateLimiter_dropsCallersWhoseBucketsRefilled_andRefusesWithTheWait() {
        RateLimiter limiter = new RateLimiter(2, 2, clock);
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isEqualTo(1);
        for (int i = 0; i <= RateLimiter.SWEEP_ABOVE; i++) {
            limiter.take("address-" + i);
        }
        clock.advance(Duration.ofSeconds(5));

        limiter.take("late");

        assertThat(limiter.callers()).isEqualTo(1);
    }

    @Test
    void settings_refuseAShortBootstrapToken_namingTheVariable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        AccessSettings.fromEnvironment(java.util.Map.of(AccessSettings.BOOTSTRAP_TOKEN, "too-short")))
                .hasMessageContaining(AccessSettings.BOOTSTRAP_TOKEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AccessSettings.fromEnvironment(java.util.Map.of(AccessSettings.RATE_LIMIT, "lots")))
                .hasMessageContaining(AccessSettings.RATE_LIMIT);
        assertThat(AccessSettings.fromEnvironment(java.util.Map.of()).bootstrapTokenHash())
                .isNull();
    }
}
