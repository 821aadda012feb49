package org.corridor.core;

/**
 * Sealed personal data could not be opened: it was sealed with another key, or its stored bytes were changed. The
 * message names the record by its ids only, never its content.
 */
public final class SealedDataException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public SealedDataException(String message) {
        super(message);
    }

    public SealedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
