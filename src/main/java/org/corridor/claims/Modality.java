package org.corridor.claims;

import java.util.Locale;

/** Whether a figure reports what happened or announces what is to happen (CONTRACT §7). */
public enum Modality {
    REPORTED,
    PLANNED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
