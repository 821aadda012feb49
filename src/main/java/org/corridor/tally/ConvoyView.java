package org.corridor.tally;

/**
 * One row of the convoy board.
 *
 * @param movement the movement its departure names (its arrival's when no departure is known), or null
 * @param status departed, halted or arrived
 * @param departed the departure count after corrections, or null when no departure is known
 * @param arrived the arrival count after corrections, or null when it has not arrived
 * @param detained people detained from it
 * @param lastSite the site of its latest observation
 * @param lastAt the time of its latest observation, in the operation's zone
 * @param disputed two monitors reported different counts for the same stage
 */
public record ConvoyView(
        String id,
        String movement,
        String status,
        Long departed,
        Long arrived,
        long detained,
        String lastSite,
        String lastAt,
        boolean disputed) {}
