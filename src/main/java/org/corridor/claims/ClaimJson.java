package org.corridor.claims;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.corridor.core.Times;

/**
 * A claim as CONTRACT §7 writes it: {@code quantity, approximate, unit, event, modality, places, time, source,
 * span}, with {@code bound} ("atLeast", "atMost") or {@code range} ([low, high]) added only when the text gives one.
 */
public final class ClaimJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ClaimJson() {}

    public static ObjectNode toJson(Claim claim) {
        ObjectNode json = NODES.objectNode();
        json.put("quantity", claim.quantity());
        json.put("approximate", claim.approximate());
        if (claim.bound() != null) {
            json.put("bound", claim.bound() == Claim.Bound.AT_LEAST ? "atLeast" : "atMost");
        }
        if (claim.upTo() > 0) {
            json.putArray("range").add(claim.quantity()).add(claim.upTo());
        }
        json.put("unit", claim.unit().json());
        json.put("event", claim.event() == null ? null : claim.event().json());
        json.put("modality", claim.modality().json());
        ArrayNode places = json.putArray("places");
        claim.places().forEach(place -> places.add(place.name()));
        ObjectNode time = json.putObject("time");
        if (claim.time().from() != null) {
            time.put("from", Times.format(claim.time().from()));
        }
        if (claim.time().to() != null) {
            time.put("to", Times.format(claim.time().to()));
        }
        json.put("source", claim.source());
        json.putArray("span").add(claim.span().start()).add(claim.span().end());
        return json;
    }
}
