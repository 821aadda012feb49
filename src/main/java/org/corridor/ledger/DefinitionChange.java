package org.corridor.ledger;

/** What storing a definition did. */
public enum DefinitionChange {
    CREATED,
    UNCHANGED,
    REPLACED
}
