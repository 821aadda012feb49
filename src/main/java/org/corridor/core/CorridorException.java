package org.corridor.core;

/** The root of every failure Corridor reports; subclasses carry what the caller needs to act on it. */
public class CorridorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorridorException(String message) {
        super(message);
    }

    public CorridorException(String message, Throwable cause) {
        super(message, cause);
    }
}
