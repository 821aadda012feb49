package org.corridor.claims;

import java.util.Locale;

/** What a figure counts (CONTRACT §7). */
public enum Unit {
    PEOPLE,
    CHILDREN,
    WOUNDED,
    FIGHTERS,
    DETAINEES,
    FAMILIES,
    BUSES,
    AMBULANCES,
    VEHICLES,
    CONVOYS;

    /** The name in the contract's JSON: {@code people}, {@code buses}, … */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
