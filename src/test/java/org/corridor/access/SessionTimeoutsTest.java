package org.corridor.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.corridor.core.TooManyRequestsException;
import org.corridor.core.UnauthorizedException;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions end after 30 idle minutes or 12 hours, whichever comes first; login limits forget after a minute. */
class SessionTimeoutsTest {
    private static final String PASSWORD = "olive tram seventeen harbour";

    @TempDir
    Path directory;

    private Ledger ledger;
    private final MovableClock clock = new MovableClock(Instant.parse("2016-12-19T08:00:00Z"));
    private Access access;

    /** A clock the test moves by hand. */
    static final class MovableClock implements InstantSource {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        ledger = Ledgers.open("jdbc:sqlite:" + directory.resolve("corridor.db"));
        access = new Access(
                Ledgers.accessStore(ledger), AccessSettings.defaults(null), clock, new PasswordHasher(1024, 1, 1));
        access.createAccount(
                NewAccount.read(JsonMapper.builder()
                        .build()
                        .createObjectNode()
                        .put("id", "coord")
                        .put("role", "coordinator")
                        .put("password", PASSWORD)),
                "test",
                null);
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    @Test
    void aSessionUsedWithinTheIdleLimit_livesOn_untilItsAbsoluteLimit() {
        String session = access.login("coord", PASSWORD, "10.0.0.1").sessionId();
        for (int i = 0; i < 24; i++) { // 24 x 29 minutes: 11 h 36 min
            clock.advance(Duration.ofMinutes(29));
            assertThat(access.authenticateSession(session).id()).isEqualTo("coord");
        }
        clock.advance(Duration.ofMinutes(29));

        assertThatThrownBy(() -> access.authenticateSession(session))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aSessionIdleForThirtyMinutes_hasEnded() {
        String session = access.login("coord", PASSWORD, "10.0.0.1").sessionId();
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> access.authenticateSession(session)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> access.authenticateSession(session))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void aNewPassword_endsTheAccountsSessions() {
        String session = access.login("coord", PASSWORD, "10.0.0.1").sessionId();

        access.setPassword("coord", "a different long phrase", "test", null);

        assertThatThrownBy(() -> access.authenticateSession(session)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void loginLimits_perAccountAndPerAddress_forgetAfterAMinute() {
        for (int i = 0; i < 10; i++) {
            String address = "10.0.0." + i;
            assertThatThrownBy(() -> access.login("coord", "wrong", address)).isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> access.login("coord", PASSWORD, "10.0.0.99"))
                .isInstanceOf(TooManyRequestsException.class);

        clock.advance(Duration.ofSeconds(61));

        assertThat(access.login("coord", PASSWORD, "10.0.0.99").principal().id())
                .isEqualTo("coord");
    }

    @Test
    void anAddressTryingManyAccounts_isLimitedToo() {
        for (int i = 0; i < AccessSettings.FAILURES_PER_ADDRESS; i++) {
            String account = "guess-" + i;
            assertThatThrownBy(() -> access.login(account, "wrong", "10.0.0.7"))
                    .isInstanceOf(UnauthorizedException.class);
        }

        assertThatThrownBy(() -> access.login("coord", PASSWORD, "10.0.0.7"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(access.login("coord", PASSWORD, "10.0.0.8").principal().id()).isEqualTo("coord");
    }
}
