package org.corridor.core;

/** A thing asked for by id does not exist. */
public final class NotFoundException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
