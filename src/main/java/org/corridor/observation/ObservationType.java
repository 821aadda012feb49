package org.corridor.observation;

/** The nine observation types, with their names on the wire. */
public enum ObservationType {
    CONVOY_DEPARTED("convoy.departed"),
    CONVOY_PASSED("convoy.passed"),
    CONVOY_HALTED("convoy.halted"),
    CONVOY_RESUMED("convoy.resumed"),
    CONVOY_ARRIVED("convoy.arrived"),
    PERSONS_DETAINED("persons.detained"),
    PERSONS_RELEASED("persons.released"),
    COUNT_CORRECTED("count.corrected"),
    INCIDENT_REPORTED("incident.reported");

    private final String wireName;

    ObservationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type named {@code text} on the wire, or null. */
    public static ObservationType fromWire(String text) {
        for (ObservationType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        return null;
    }
}
