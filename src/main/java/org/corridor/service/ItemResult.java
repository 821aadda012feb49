package org.corridor.service;

import java.util.List;
import org.corridor.core.FieldProblem;

/**
 * What happened to one observation of a batch.
 *
 * @param id the observation's id as sent, or null when it had none that could be read
 * @param seq its sequence number in the ledger (the stored one's for a duplicate), or null when refused
 * @param problems why it was refused; empty when accepted
 */
public record ItemResult(String id, Status status, Long seq, String detail, List<FieldProblem> problems) {
    /** The outcome of one item, as the API names it. */
    public enum Status {
        CREATED,
        DUPLICATE,
        CONFLICT,
        INVALID;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ItemResult {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return status == Status.CREATED || status == Status.DUPLICATE;
    }
}
