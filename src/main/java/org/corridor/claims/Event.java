package org.corridor.claims;

import java.util.Locale;

/** What a figure says happened, or will happen, to what it counts (CONTRACT §7). */
public enum Event {
    EVACUATED,
    DEPARTED,
    ARRIVED,
    DETAINED,
    RELEASED,
    KILLED,
    INJURED,
    BESIEGED;

    /** The name in the contract's JSON: {@code evacuated}, {@code arrived}, … */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
