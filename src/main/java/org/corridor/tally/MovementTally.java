package org.corridor.tally;

/**
 * One movement's progress against its quota.
 *
 * @param progress evacuated ÷ quota, a fraction (1.0 is the quota met)
 * @param status completed, overdue, pending or open
 * @param openedAt when it opened, or null when it has no opening condition or its condition has not been met
 * @param ratePerHour people evacuated in the 6 hours up to T, per hour
 * @param eta when the quota will be met at that rate, or null when the rate is 0 or it is completed
 */
public record MovementTally(
        String id,
        long quota,
        long evacuated,
        long inTransit,
        long remaining,
        double progress,
        String status,
        String openedAt,
        double ratePerHour,
        String eta) {}
