package org.corridor.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Valid observations of the test operation, to send as they are or to break one field at a time. */
final class Observations {
    private Observations() {}

    static ObjectNode departure(String convoy, long people) {
        ObjectNode o = header("convoy.departed", "east", "2016-12-15T08:00:00+02:00");
        return o.put("convoy", convoy).put("movement", "east-out").put("people", people);
    }

    static ObjectNode arrival(String convoy, long people) {
        ObjectNode o = header("convoy.arrived", "west", "2016-12-15T10:00:00+02:00");
        return o.put("convoy", convoy).put("movement", "east-out").put("people", people);
    }

    static ObjectNode detention(String convoy, long people) {
        ObjectNode o = header("persons.detained", "checkpoint", "2016-12-15T09:00:00+02:00");
        return o.put("convoy", convoy).put("people", people).put("by", "government");
    }

    /** A count correction of some other observation (a fresh id: no stored one), to {@code people}. */
    static ObjectNode correction(long people) {
        return header("count.corrected", "east", "2016-12-15T11:00:00+02:00")
                .put("refersTo", UUID.randomUUID().toString())
                .put("people", people)
                .put("reason", "recounted at the reception");
    }

    static ObjectNode header(String type, String site, String at) {
        ObjectNode o = RunningServer.JSON.createObjectNode();
        o.put("id", UUID.randomUUID().toString());
        o.put("type", type);
        o.put("operation", "test-op");
        o.put("at", at);
        o.put("monitor", "m1");
        o.put("site", site);
        return o;
    }
}
