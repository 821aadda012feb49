package org.corridor.core;

/**
 * The store's records disagree with what Corridor signed or logged earlier: a row was changed or lost outside
 * Corridor. Nothing more is signed over it until someone looks; the message says where the disagreement is.
 */
public final class IntegrityException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }
}
