package org.corridor.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.corridor.core.Fields;
import org.corridor.core.Problems;

/**
 * A request for an account: {@code {"id", "role", "operations"?, "party"?, "password"?}}. A monitor must name its
 * operations; a liaison must name its party and is the only role with one; an admin is bound to nothing. Without
 * {@code operations}, a coordinator, liaison or viewer is bound to no operation in particular (every one).
 */
public record NewAccount(String id, Role role, Set<String> operations, String party, String password) {
    private static final Set<String> FIELDS = Set.of("id", "role", "operations", "party", "password");

    public NewAccount {
        operations = operations == null ? null : Set.copyOf(operations);
    }

    /**
     * Reads and checks a request.
     *
     * @throws org.corridor.core.InvalidInputException naming every field at fault
     */
    public static NewAccount read(JsonNode request) {
        Problems problems = new Problems();
        if (request == null || !request.isObject()) {
            problems.add("", "must be a JSON object with id and role");
            problems.throwIfAny("account");
        }
        Fields fields = new Fields(request, "", problems);
        fields.refuseUnknown(FIELDS);
        String id = fields.requiredSlug("id");
        Role role = role(fields);
        Set<String> operations =
                fields.has("operations") ? new LinkedHashSet<>(fields.slugs("operations", true)) : null;
        String party = fields.optionalSlug("party");
        String password = password(fields);
        if (role != null) {
            checkBindings(role, operations, party, problems);
        }
        problems.throwIfAny("account");
        return new NewAccount(id, role, operations, party, password);
    }

    private static Role role(Fields fields) {
        String text = fields.requiredText("role");
        if (text == null) {
            return null;
        }
        return Role.fromWire(text).orElseGet(() -> {
            fields.problems().add("role", "must be one of admin, coordinator, monitor, liaison, viewer");
            return null;
        });
    }

    private static String password(Fields fields) {
        JsonNode value = fields.raw("password");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            fields.problems().add("password", "must be a string");
            return null;
        }
        return value.textValue();
    }

    private static void checkBindings(Role role, Set<String> operations, String party, Problems problems) {
        if (role == Role.MONITOR && (operations == null || operations.isEmpty())) {
            problems.add("operations", "a monitor must be assigned the operations it reports on");
        }
        if (role == Role.ADMIN && operations != null) {
            problems.add("operations", "an admin is not bound to operations");
        }
        if (role == Role.LIAISON && party == null) {
            problems.add("party", "a liaison must name its party");
        }
        if (role != Role.LIAISON && party != null) {
            problems.add("party", "only a liaison has a party");
        }
    }
}
