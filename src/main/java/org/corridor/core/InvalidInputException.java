package org.corridor.core;

import java.util.List;

/** An input was refused: every problem found in it is listed, and nothing was stored. */
public final class InvalidInputException extends CorridorException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidInputException(String message, List<FieldProblem> problems) {
        super(message + describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException("invalid input", List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(": ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return text.toString();
    }
}
