package org.corridor.integrity;

import org.corridor.core.CorridorException;

/** A JSON value has no exact RFC 8785 canonical form (a lone surrogate, a non-finite or unrepresentable number). */
public final class CanonicalizationException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public CanonicalizationException(String message) {
        super(message);
    }
}
