package org.corridor.ledger;

/**
 * Where an operation stands in the store, read in one small query for every operation: what a server polls to tell
 * whether another process appended to it or replaced its definition.
 *
 * @param lastSeq its highest sequence number (how many observations it has)
 * @param definitionVersion grows with every replacement of its definition
 */
public record OperationHead(String id, long lastSeq, long definitionVersion) {}
