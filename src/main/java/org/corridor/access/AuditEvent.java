package org.corridor.access;

/**
 * One entry of the append-only audit trail. It never holds a token, a password or personal data: the actor is an
 * account id, the subject an id (an account, an operation, an observation), the detail a short fixed phrase.
 *
 * @param seq its place in the trail, from 1; 0 before it is stored
 * @param at when it happened (ISO-8601, UTC)
 * @param kind what happened, such as {@code login.failed} or {@code operation.defined}
 * @param actor the account that acted, or null when unknown (a failed login names the account tried as subject)
 * @param address the network address the request came from, or null
 * @param operation the operation concerned, or null
 * @param subject what it was done to, or null
 * @param detail a short description (status, outcome), or null
 */
public record AuditEvent(
        long seq,
        String at,
        String kind,
        String actor,
        String address,
        String operation,
        String subject,
        String detail) {}
