package org.corridor.operation;

import java.util.Locale;

/** What role a place plays in the operation. */
public enum SiteKind {
    ORIGIN,
    DESTINATION,
    CHECKPOINT,
    CROSSING,
    RECEPTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SiteKind fromWire(String text) {
        for (SiteKind kind : values()) {
            if (kind.wireName().equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
