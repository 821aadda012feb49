package org.corridor.observation;

import java.util.Locale;

/** What kind of incident was reported. */
public enum IncidentCategory {
    DETENTION,
    VIOLENCE,
    OBSTRUCTION,
    MEDICAL,
    DEATH,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IncidentCategory fromWire(String text) {
        for (IncidentCategory category : values()) {
            if (category.wireName().equals(text)) {
                return category;
            }
        }
        return null;
    }
}
