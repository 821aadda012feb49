package org.corridor.integrity;

import org.corridor.core.CorridorException;

/** A Merkle proof was asked for with impossible bounds, or a proof does not prove what it claims; the message says how. */
public final class ProofException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
