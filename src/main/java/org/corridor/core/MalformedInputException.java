package org.corridor.core;

import java.util.List;

/**
 * A request could not be read at all (text that is not JSON or YAML, a query parameter of the wrong form), as
 * distinct from a well-formed input whose content is refused ({@link InvalidInputException}).
 */
public final class MalformedInputException extends CorridorException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public MalformedInputException(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.problems = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
