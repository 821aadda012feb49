package org.corridor.operation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * People agreed to move from one site to another under an agreement.
 *
 * @param opens null when the movement is open from the start
 * @param deadline null when it has none
 */
public record Movement(
        String id, String from, String to, List<String> via, long quota, Opening opens, OffsetDateTime deadline) {
    public Movement {
        via = List.copyOf(via);
    }
}
