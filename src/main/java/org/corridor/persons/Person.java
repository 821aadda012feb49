package org.corridor.persons;

/**
 * One named person beside an observation.
 *
 * @param age in years, or null when not known
 * @param sex {@code f}, {@code m} or {@code x}, or null when not known
 */
public record Person(String name, Integer age, String sex) {
    /** Never the name, so that a person printed by accident (a log line, an exception) reveals nothing. */
    @Override
    public String toString() {
        return "Person[…]";
    }
}
