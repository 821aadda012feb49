package org.corridor.core;

import java.util.Objects;

/** One thing wrong with an input, named by its path in the document (`agreements[0].movements[1].to`). */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
