package org.corridor.tally;

import java.util.List;

/**
 * The numbers of an operation as of a moment (CONTRACT §3). Times are ISO-8601 text in the operation's zone.
 *
 * @param asOf the moment T: only observations with {@code at} ≤ T count
 */
public record Tallies(
        String operation,
        String asOf,
        long departed,
        long evacuated,
        long inTransit,
        long detained,
        long unaccounted,
        long sinceMidnight,
        List<MovementTally> movements,
        List<Alert> alerts) {
    public Tallies {
        movements = List.copyOf(movements);
        alerts = List.copyOf(alerts);
    }
}
