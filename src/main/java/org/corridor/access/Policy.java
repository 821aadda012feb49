package org.corridor.access;

import org.corridor.core.ForbiddenException;
import org.corridor.core.UnauthorizedException;
import org.corridor.operation.Operation;

/**
 * The authorization decisions of CONTRACT §8, in one place and free of HTTP: given a rule, who asks, and the
 * operation it is about, allowed or not. Everything not allowed here is refused.
 */
public final class Policy {
    private Policy() {}

    /**
     * Refuses unless {@code principal} may do what {@code rule} guards.
     *
     * @param principal who asks, or null when the request had no valid credentials
     * @param operationId the operation the request is about, or null when the rule is not about one or it is not known
     *     yet (then only the role is checked, and the caller checks again once it knows the id)
     * @param operation that operation when it exists, or null
     * @throws UnauthorizedException when credentials are needed and there are none
     * @throws ForbiddenException when the principal's role or assignment does not allow it
     */
    public static void require(Rule rule, Principal principal, String operationId, Operation operation) {
        boolean publicFigures = rule == Rule.READ_TALLIES || rule == Rule.READ_CLAIMS;
        if (rule == Rule.OPEN || (publicFigures && operation != null && operation.isPublic())) {
            return;
        }
        if (principal == null) {
            throw new UnauthorizedException(
                    "this needs credentials: send Authorization: Bearer TOKEN, or sign in" + " with POST /api/login");
        }
        if (!allows(rule, principal, operationId, operation)) {
            throw new ForbiddenException("the " + principal.role().wireName() + " account '" + principal.id()
                    + "' may not do this" + (operationId == null ? "" : " in operation '" + operationId + "'"));
        }
    }

    /** True when the principal may do what the rule guards (a null operation id checks the role alone). */
    public static boolean allows(Rule rule, Principal principal, String operationId, Operation operation) {
        if (principal.role() == Role.ADMIN) {
            return true;
        }
        return switch (rule) {
            case OPEN, SIGNED_IN -> true;
            case ADMIN -> false;
            case DEFINE_OPERATION, READ_OBSERVATIONS, SUBMIT_REPORTS, READ_PERSONS ->
                principal.role() == Role.COORDINATOR && assigned(principal, operationId);
            case READ_DEFINITION ->
                (principal.role() == Role.COORDINATOR || principal.role() == Role.MONITOR)
                        && assigned(principal, operationId);
            case RECORD_OBSERVATIONS ->
                (principal.role() == Role.COORDINATOR || principal.role() == Role.MONITOR)
                        && assigned(principal, operationId);
            case READ_TALLIES ->
                switch (principal.role()) {
                    case ADMIN -> true;
                    case COORDINATOR, MONITOR, VIEWER -> assigned(principal, operationId);
                    case LIAISON -> partySigned(principal, operationId, operation);
                };
            case READ_CLAIMS ->
                switch (principal.role()) {
                    case ADMIN -> true;
                    case COORDINATOR, MONITOR, VIEWER -> assigned(principal, operationId);
                    case LIAISON -> false;
                };
            case READ_CONVOYS ->
                switch (principal.role()) {
                    case ADMIN -> true;
                    case COORDINATOR -> assigned(principal, operationId);
                    case LIAISON -> partySigned(principal, operationId, operation);
                    case MONITOR, VIEWER -> false;
                };
        };
    }

    /** True when the principal may send {@code count.corrected} observations to the operation. */
    public static boolean mayCorrect(Principal principal, String operationId) {
        return principal.role() == Role.ADMIN
                || (principal.role() == Role.COORDINATOR && assigned(principal, operationId));
    }

    /**
     * True when the principal is assigned to the operation. A monitor is assigned only to the operations it lists;
     * other roles without a list are assigned to every operation. A null operation id asks about the role alone.
     */
    private static boolean assigned(Principal principal, String operationId) {
        if (principal.operations() == null) {
            return principal.role() != Role.MONITOR;
        }
        return operationId == null
                ? !principal.operations().isEmpty()
                : principal.operations().contains(operationId);
    }

    /** A liaison sees an operation holding an agreement its party signed (and, if it lists operations, one of them). */
    private static boolean partySigned(Principal principal, String operationId, Operation operation) {
        if (operationId == null) {
            return principal.party() != null;
        }
        return assigned(principal, operationId)
                && operation != null
                && operation.agreements().stream()
                        .anyMatch(agreement -> agreement.parties().contains(principal.party()));
    }
}
