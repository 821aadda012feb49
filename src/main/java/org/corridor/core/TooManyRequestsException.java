package org.corridor.core;

/** A caller went over a rate limit (requests, login attempts); refused unread until {@code retryAfterSeconds} pass. */
public final class TooManyRequestsException extends CorridorException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until a new attempt may be heard, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
