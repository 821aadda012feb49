package org.corridor.operation;

import java.time.OffsetDateTime;

/** When a movement may start: at a fixed time, or once another movement has evacuated a number of people. */
public sealed interface Opening {
    /** Open from `at`. */
    record AtTime(OffsetDateTime at) implements Opening {}

    /** Open once `movement` has evacuated `reaches` people. */
    record AfterMovement(String movement, long reaches) implements Opening {}
}
