package org.corridor.tally;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.observation.Header;
import org.corridor.observation.IncidentCategory;
import org.corridor.observation.Observation;
import org.corridor.observation.Severity;
import org.corridor.operation.Agreement;
import org.corridor.operation.LocalizedName;
import org.corridor.operation.Monitor;
import org.corridor.operation.Movement;
import org.corridor.operation.Opening;
import org.corridor.operation.Operation;
import org.corridor.operation.Party;
import org.corridor.operation.Site;
import org.corridor.operation.SiteKind;

/**
 * A small operation and a builder of observations for it, for tests of the numbers: two origins, a checkpoint, two
 * destinations; movement {@code east-out} (quota 1000, deadline 20 Dec 12:00) and {@code town-out} (quota 100),
 * which opens when {@code east-out} reaches 500.
 */
final class Scenario {
    static final ZoneId ZONE = ZoneId.of("Asia/Damascus");

    static final Operation OPERATION = new Operation(
            "test-op",
            new LocalizedName("Test operation", "عملية اختبار"),
            ZONE,
            List.of(new Party("govt", new LocalizedName("Government", null))),
            List.of(
                    site("east", SiteKind.ORIGIN),
                    site("check", SiteKind.CHECKPOINT),
                    site("camp", SiteKind.DESTINATION),
                    site("town", SiteKind.ORIGIN),
                    site("city", SiteKind.DESTINATION)),
            List.of(new Agreement(
                    "deal",
                    new LocalizedName("Deal", null),
                    List.of("govt"),
                    List.of(
                            new Movement(
                                    "east-out",
                                    "east",
                                    "camp",
                                    List.of("check"),
                                    1000,
                                    null,
                                    OffsetDateTime.parse("2016-12-20T12:00:00+02:00")),
                            new Movement(
                                    "town-out",
                                    "town",
                                    "city",
                                    List.of(),
                                    100,
                                    new Opening.AfterMovement("east-out", 500),
                                    null)))),
            List.of(monitor("m1"), monitor("m2"), monitor("m3")),
            false,
            false);

    private final List<Observation> observations = new ArrayList<>();
    private int nextId = 1;
    private boolean signing;

    private static Site site(String id, SiteKind kind) {
        return new Site(id, new LocalizedName(id, null), kind, 36.0, 37.0, null, List.of());
    }

    private static Monitor monitor(String id) {
        return new Monitor(id, new LocalizedName(id, null), "UN", null);
    }

    static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+02:00");
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    /** A fresh id whose text orders as the ids are made. */
    UUID nextId() {
        return new UUID(0x1000_0000_0000_4000L, 0x8000_0000_0000_0000L | nextId++);
    }

    private Header header(String at, String monitor, String site) {
        UUID id = nextId();
        return new Header(id, OPERATION.id(), at(at), monitor, site, null, signing ? "signature-of-" + id : null);
    }

    /** Whether the observations made from now on carry a signature (the numbers never check it; the service does). */
    Scenario signing(boolean on) {
        signing = on;
        return this;
    }

    <T extends Observation> T add(T observation) {
        observations.add(observation);
        return observation;
    }

    Observation.ConvoyDeparted departed(String convoy, String movement, long people, String at, String monitor) {
        String site = OPERATION.movement(movement).orElseThrow().from();
        return add(new Observation.ConvoyDeparted(header(at, monitor, site), convoy, movement, people, Map.of()));
    }

    Observation.ConvoyDeparted departed(String convoy, String movement, long people, String at) {
        return departed(convoy, movement, people, at, "m1");
    }

    Observation.ConvoyArrived arrived(String convoy, String movement, long people, String at, String monitor) {
        String site = OPERATION.movement(movement).orElseThrow().to();
        return add(new Observation.ConvoyArrived(header(at, monitor, site), convoy, movement, people, Map.of()));
    }

    Observation.ConvoyArrived arrived(String convoy, String movement, long people, String at) {
        return arrived(convoy, movement, people, at, "m2");
    }

    Observation.ConvoyPassed passed(String convoy, Long people, String at, String monitor) {
        return add(new Observation.ConvoyPassed(header(at, monitor, "check"), convoy, people, Map.of()));
    }

    Observation.ConvoyHalted halted(String convoy, String at) {
        return add(new Observation.ConvoyHalted(header(at, "m3", "check"), convoy, "inspection"));
    }

    Observation.ConvoyResumed resumed(String convoy, String at) {
        return add(new Observation.ConvoyResumed(header(at, "m3", "check"), convoy));
    }

    Observation.PersonsDetained detained(long people, String convoy, String at) {
        return add(new Observation.PersonsDetained(header(at, "m3", "check"), people, convoy, "govt"));
    }

    Observation.PersonsReleased released(long people, String to, String movement, UUID refersTo, String at) {
        return add(new Observation.PersonsReleased(header(at, "m3", "check"), people, to, movement, refersTo));
    }

    Observation.CountCorrected corrected(UUID refersTo, long people, String at) {
        return add(new Observation.CountCorrected(header(at, "m1", "check"), refersTo, people, "recount"));
    }

    Observation.IncidentReported incident(String at) {
        return add(new Observation.IncidentReported(
                header(at, "m3", "check"), IncidentCategory.OBSTRUCTION, Severity.MEDIUM, null, "road blocked"));
    }
}
