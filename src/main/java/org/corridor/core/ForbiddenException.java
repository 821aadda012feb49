package org.corridor.core;

/** The caller is known but its role or assignment does not allow what it asked for; nothing was done. */
public final class ForbiddenException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
