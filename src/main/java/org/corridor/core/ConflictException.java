package org.corridor.core;

import java.util.List;

/** A write that contradicts what is already stored (the same observation id with other content, a definition that drops ids in use). */
public final class ConflictException extends CorridorException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public ConflictException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
