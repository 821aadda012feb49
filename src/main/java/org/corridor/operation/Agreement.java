package org.corridor.operation;

import java.util.List;

/** What the parties agreed: the movements, each with its quota. */
public record Agreement(String id, LocalizedName name, List<String> parties, List<Movement> movements) {
    public Agreement {
        parties = List.copyOf(parties);
        movements = List.copyOf(movements);
    }
}
