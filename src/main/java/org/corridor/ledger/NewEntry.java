package org.corridor.ledger;

import java.util.UUID;

/**
 * An observation ready to append.
 *
 * @param body the observation's canonical JSON, exactly as it will be stored and served
 * @param references the defined ids it uses, so that a definition cannot later drop them
 */
public record NewEntry(UUID id, String type, String atUtc, String body, References references) {}
