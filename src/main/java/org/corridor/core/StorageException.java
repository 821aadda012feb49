package org.corridor.core;

/** The store failed (disk, database, connection); the write it was part of did not happen. */
public final class StorageException extends CorridorException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
