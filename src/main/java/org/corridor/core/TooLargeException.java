package org.corridor.core;

/** An input over a size limit (a batch of too many observations); refused whole, nothing stored. */
public final class TooLargeException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }
}
