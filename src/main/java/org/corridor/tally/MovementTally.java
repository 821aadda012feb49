package org.corridor.tally;

/**
 * One movement's progress against its quota.
 *
 * @param progress evacuated ÷ quota, a fraction (1.0 is the quota met)
 * @param status completed, overdue, pending or open
 * @param openedAt its {@code opens.at} (even while still ahead); for {@code opens.after}, the {@code at} of the
 *     evacuation that reached the threshold, null until then; null when it has no opening condition
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
