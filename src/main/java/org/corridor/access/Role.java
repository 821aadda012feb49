package org.corridor.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five roles of CONTRACT §8, each written on the wire in lower case. */
public enum Role {
    /** Everything, accounts included. */
    ADMIN,
    /** Defines its operations, corrects counts, reads everything in its operations. */
    COORDINATOR,
    /** Sends observations to the operations it is assigned and reads their tallies. */
    MONITOR,
    /** Reads tallies and convoys of operations holding an agreement its party signed. */
    LIAISON,
    /** Reads tallies. */
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String text) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(text))
                .findFirst();
    }
}
