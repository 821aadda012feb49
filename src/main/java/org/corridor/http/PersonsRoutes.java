package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;
import org.corridor.access.Access;
import org.corridor.access.Principal;
import org.corridor.core.MalformedInputException;
import org.corridor.core.NotFoundException;
import org.corridor.core.SealedDataException;
import org.corridor.persons.PersonsList;
import org.corridor.service.CorridorService;

/**
 * The personal data beside an observation, opened for admins and the operation's coordinators only
 * ({@link org.corridor.access.Rule#READ_PERSONS}). Every read, and every refused one (see {@link AccessGuard}), is in
 * the audit trail as {@value #AUDIT_KIND}: who, when, from where, which observation, and how it ended; never a name.
 */
final class PersonsRoutes {
    static final String AUDIT_KIND = "persons.read";
    static final String PATH = "/api/operations/{op}/observations/{id}/persons";

    private final CorridorService service;
    private final Access access;

    PersonsRoutes(CorridorService service, Access access) {
        this.service = service;
        this.access = access;
    }

    void register(Javalin app) {
        app.get(PATH, this::persons);
    }

    private void persons(Context ctx) {
        Principal principal = AccessGuard.principal(ctx);
        String operationId = ctx.pathParam("op");
        String outcome = "failed";
        try {
            UUID id = observationId(ctx.pathParam("id"));
            PersonsList persons = service.persons(operationId, id);
            ctx.header("Cache-Control", "no-store");
            ctx.header("Pragma", "no-cache");
            ctx.json(persons.json());
            outcome = "shown " + persons.list().size();
        } catch (NotFoundException e) {
            outcome = "not found";
            throw e;
        } catch (MalformedInputException e) {
            outcome = "bad id";
            throw e;
        } catch (SealedDataException e) {
            outcome = "unreadable";
            throw e;
        } finally {
            access.record(
                    AUDIT_KIND,
                    principal.id(),
                    AccessGuard.address(ctx, access.settings()),
                    operationId,
                    auditSubject(ctx.pathParam("id")),
                    outcome);
        }
    }

    private static UUID observationId(String text) {
        UUID id = uuidOrNull(text);
        if (id == null) {
            throw new MalformedInputException("id", "must be an observation's UUID");
        }
        return id;
    }

    /** What the audit trail records of the requested id: the UUID, or a mark when it is not one (it could be anything). */
    static String auditSubject(String idText) {
        UUID id = uuidOrNull(idText);
        return id == null ? "(not a UUID)" : id.toString();
    }

    private static UUID uuidOrNull(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
