package org.corridor.core;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading one document, so that all of them are reported at once. */
public final class Problems {
    private final List<FieldProblem> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new FieldProblem(field, message));
    }

    public void addAll(List<FieldProblem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(found);
    }

    /** Throws when anything was found; `what` names the document (`operation file`, `observation`). */
    public void throwIfAny(String what) {
        if (!found.isEmpty()) {
            throw new InvalidInputException(what + " refused", found);
        }
    }
}
