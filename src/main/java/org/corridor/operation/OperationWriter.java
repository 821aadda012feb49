package org.corridor.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes an {@link Operation} as the JSON form of its file: what is stored, compared and served. */
public final class OperationWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OperationWriter() {}

    public static ObjectNode write(Operation operation) {
        ObjectNode root = NODES.objectNode();
        root.put("id", operation.id());
        root.set("name", name(operation.name()));
        root.put("timezone", operation.timezone().getId());
        if (operation.requireSignatures()) {
            root.put("requireSignatures", true);
        }
        if (operation.isPublic()) {
            root.put("public", true);
        }
        ArrayNode parties = root.putArray("parties");
        for (Party party : operation.parties()) {
            parties.addObject().put("id", party.id()).set("name", name(party.name()));
        }
        ArrayNode sites = root.putArray("sites");
        for (Site site : operation.sites()) {
            ObjectNode node = sites.addObject();
            node.put("id", site.id());
            node.set("name", name(site.name()));
            node.put("kind", site.kind().wireName());
            node.putArray("location").add(site.latitude()).add(site.longitude());
            if (site.pcode() != null) {
                node.put("pcode", site.pcode());
            }
            if (!site.aliases().isEmpty()) {
                ArrayNode aliases = node.putArray("aliases");
                site.aliases().forEach(alias -> aliases.add(name(alias)));
            }
        }
        ArrayNode agreements = root.putArray("agreements");
        for (Agreement agreement : operation.agreements()) {
            ObjectNode node = agreements.addObject();
            node.put("id", agreement.id());
            node.set("name", name(agreement.name()));
            node.set("parties", strings(agreement.parties()));
            ArrayNode movements = node.putArray("movements");
            agreement.movements().forEach(movement -> movements.add(movement(movement)));
        }
        ArrayNode monitors = root.putArray("monitors");
        for (Monitor monitor : operation.monitors()) {
            ObjectNode node = monitors.addObject();
            node.put("id", monitor.id());
            node.set("name", name(monitor.name()));
            if (monitor.organisation() != null) {
                node.put("organisation", monitor.organisation());
            }
            if (monitor.publicKey() != null) {
                node.put("publicKey", monitor.publicKey());
            }
        }
        return root;
    }

    private static ObjectNode movement(Movement movement) {
        ObjectNode node = NODES.objectNode();
        node.put("id", movement.id());
        node.put("from", movement.from());
        node.put("to", movement.to());
        if (!movement.via().isEmpty()) {
            node.set("via", strings(movement.via()));
        }
        node.put("quota", movement.quota());
        switch (movement.opens()) {
            case null -> {}
            case Opening.AtTime at -> node.putObject("opens").put("at", org.corridor.core.Times.format(at.at()));
            case Opening.AfterMovement after ->
                node.putObject("opens")
                        .putObject("after")
                        .put("movement", after.movement())
                        .put("reaches", after.reaches());
        }
        if (movement.deadline() != null) {
            node.put("deadline", org.corridor.core.Times.format(movement.deadline()));
        }
        return node;
    }

    public static JsonNode name(LocalizedName name) {
        ObjectNode node = NODES.objectNode();
        if (name.en() != null) {
            node.put("en", name.en());
        }
        if (name.ar() != null) {
            node.put("ar", name.ar());
        }
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
