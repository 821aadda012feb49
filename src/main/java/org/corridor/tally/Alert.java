package org.corridor.tally;

/** Something the coordination cell should look at; one per kind and subject (a convoy or a movement id). */
public record Alert(String kind, String subject, String message) {}
