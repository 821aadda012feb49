package org.corridor.core;

/** A request came without valid credentials (none, unknown, expired or revoked); nothing was done. */
public final class UnauthorizedException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }
}
