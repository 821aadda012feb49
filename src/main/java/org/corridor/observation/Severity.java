package org.corridor.observation;

import java.util.Locale;

/** How grave an incident is. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity fromWire(String text) {
        for (Severity severity : values()) {
            if (severity.wireName().equals(text)) {
                return severity;
            }
        }
        return null;
    }
}
