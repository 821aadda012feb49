package org.corridor.access;

/**
 * What a route asks of its caller. Each HTTP route names exactly one; the {@link Policy} decides it for a principal
 * and, where the rule is about one operation, that operation.
 */
public enum Rule {
    /** Anyone, without credentials (health, login). */
    OPEN,
    /** Any valid credentials (the list of operations, which is then narrowed to what the caller may see). */
    SIGNED_IN,
    /** Administrators only (accounts, the audit trail). */
    ADMIN,
    /** Define or replace an operation: admin, or a coordinator of it. */
    DEFINE_OPERATION,
    /**
     * Read an operation's definition: admin, or a coordinator or monitor of it (a monitor's field app needs its sites,
     * movements, parties and monitors to fill and check its form).
     */
    READ_DEFINITION,
    /** Send observations: admin, or a coordinator or monitor of the operation (only admin and coordinators correct). */
    RECORD_OBSERVATIONS,
    /** Read the stored observations: admin, or a coordinator of the operation. */
    READ_OBSERVATIONS,
    /**
     * Read tallies (and their stream): admin; coordinators, monitors and viewers of the operation; liaisons whose
     * party signed one of its agreements; anyone when the operation is public.
     */
    READ_TALLIES,
    /**
     * Read the claims of reports beside the verified figures: as {@link #READ_TALLIES}, but not liaisons, since the
     * figures a claim is set against are the whole operation's, beyond the agreements their party signed.
     */
    READ_CLAIMS,
    /** Read the convoy board: admin, a coordinator of the operation, or a liaison whose party signed in it. */
    READ_CONVOYS,
    /** Submit reports whose claims are set beside the numbers: admin, or a coordinator of the operation. */
    SUBMIT_REPORTS,
    /** Read the personal data beside an observation (names): admin, or a coordinator of the operation. */
    READ_PERSONS;

    /** True when the rule is about one operation, named in the route or in the request body. */
    public boolean aboutOneOperation() {
        return switch (this) {
            case OPEN, SIGNED_IN, ADMIN -> false;
            case DEFINE_OPERATION,
                    READ_DEFINITION,
                    RECORD_OBSERVATIONS,
                    READ_OBSERVATIONS,
                    READ_TALLIES,
                    READ_CLAIMS,
                    READ_CONVOYS,
                    SUBMIT_REPORTS,
                    READ_PERSONS -> true;
        };
    }
}
