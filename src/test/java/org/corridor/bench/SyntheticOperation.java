package org.corridor.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.corridor.core.Times;
import org.corridor.observation.Header;
import org.corridor.observation.Observation;
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
 * A large, realistic-shaped operation for benchmarks: three movements, and for each convoy a departure, a passage at
 * the checkpoint and an arrival, with a detention on one convoy in twenty and a correction on one in fifty.
 */
public final class SyntheticOperation {
    public static final OffsetDateTime START = OffsetDateTime.parse("2016-12-15T05:00:00+02:00");

    public static final Operation OPERATION = new Operation(
            "bench-op",
            new LocalizedName("Benchmark operation", null),
            ZoneId.of("Asia/Damascus"),
            List.of(new Party("govt", new LocalizedName("Government", null))),
            List.of(
                    site("east", SiteKind.ORIGIN),
                    site("check", SiteKind.CHECKPOINT),
                    site("camp", SiteKind.DESTINATION),
                    site("town", SiteKind.ORIGIN),
                    site("city", SiteKind.DESTINATION),
                    site("valley", SiteKind.ORIGIN)),
            List.of(new Agreement(
                    "deal",
                    new LocalizedName("Deal", null),
                    List.of("govt"),
                    List.of(
                            new Movement("east-out", "east", "camp", List.of("check"), 50_000_000, null, null),
                            new Movement("town-out", "town", "city", List.of(), 20_000_000, null, null),
                            new Movement(
                                    "valley-out",
                                    "valley",
                                    "camp",
                                    List.of(),
                                    10_000_000,
                                    new Opening.AfterMovement("town-out", 1_000_000),
                                    null)))),
            List.of(monitor("m1"), monitor("m2"), monitor("m3"), monitor("m4")),
            false,
            false);

    private SyntheticOperation() {}

    private static Site site(String id, SiteKind kind) {
        return new Site(id, new LocalizedName(id, null), kind, 36.0, 37.0, null, List.of());
    }

    private static Monitor monitor(String id) {
        return new Monitor(id, new LocalizedName(id, null), "UN", null);
    }

    /** About {@code count} observations, one convoy every 20 seconds of operation time. */
    public static List<Observation> observations(int count, long seed) {
        List<Observation> observations = new ArrayList<>(count);
        generate(count, seed, 20, observations::add);
        return observations;
    }

    /**
     * Exactly {@code count} observations, one convoy every {@code secondsBetweenConvoys} seconds of operation time,
     * handed to {@code sink} one by one in the order a live operation would send them, so that tens of millions need
     * not be held at once. The same seed gives the same observations.
     */
    public static void generate(long count, long seed, int secondsBetweenConvoys, Consumer<Observation> sink) {
        Random random = new Random(seed);
        String[] movements = {"east-out", "town-out", "valley-out"};
        String[] origins = {"east", "town", "valley"};
        String[] destinations = {"camp", "city", "camp"};
        long[] sent = {0};
        Consumer<Observation> bounded = observation -> {
            if (sent[0] < count) {
                sent[0]++;
                sink.accept(observation);
            }
        };
        for (int convoy = 0; sent[0] < count; convoy++) {
            int kind = convoy % 3;
            String id = "c" + convoy;
            OffsetDateTime departed = START.plusSeconds((long) secondsBetweenConvoys * convoy);
            long people = 40 + random.nextInt(20);
            bounded.accept(new Observation.ConvoyDeparted(
                    header(random, departed, "m1", origins[kind]), id, movements[kind], people, Map.of("bus", 1L)));
            bounded.accept(new Observation.ConvoyPassed(
                    header(random, departed.plusMinutes(30), "m2", "check"), id, people, Map.of()));
            long detained = convoy % 20 == 0 ? 2 : 0;
            if (detained > 0) {
                bounded.accept(new Observation.PersonsDetained(
                        header(random, departed.plusMinutes(31), "m2", "check"), detained, id, "govt"));
            }
            Observation.ConvoyArrived arrival = new Observation.ConvoyArrived(
                    header(random, departed.plusMinutes(90), "m3", destinations[kind]),
                    id,
                    movements[kind],
                    people - detained,
                    Map.of("bus", 1L));
            bounded.accept(arrival);
            if (convoy % 50 == 0) {
                bounded.accept(new Observation.CountCorrected(
                        header(random, departed.plusMinutes(120), "m4", "check"),
                        arrival.id(),
                        people - detained,
                        "recount"));
            }
        }
    }

    /** The JSON an observation of this operation is sent as (the five types generated here). */
    public static ObjectNode json(Observation observation) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Header header = observation.header();
        node.put("id", header.idText());
        node.put("type", observation.type().wireName());
        node.put("operation", header.operation());
        node.put("at", Times.format(header.at()));
        node.put("monitor", header.monitor());
        node.put("site", header.site());
        switch (observation) {
            case Observation.ConvoyDeparted o ->
                node.put("convoy", o.convoy())
                        .put("movement", o.movement())
                        .put("people", o.people())
                        .putObject("vehicles")
                        .put("bus", o.vehicles().get("bus"));
            case Observation.ConvoyArrived o ->
                node.put("convoy", o.convoy())
                        .put("movement", o.movement())
                        .put("people", o.people())
                        .putObject("vehicles")
                        .put("bus", o.vehicles().get("bus"));
            case Observation.ConvoyPassed o -> node.put("convoy", o.convoy()).put("people", o.people());
            case Observation.PersonsDetained o ->
                node.put("convoy", o.convoy()).put("people", o.people()).put("by", o.by());
            case Observation.CountCorrected o ->
                node.put("refersTo", o.refersTo().toString())
                        .put("people", o.people())
                        .put("reason", o.reason());
            default -> throw new IllegalArgumentException("not generated here: " + observation.type());
        }
        return node;
    }

    private static Header header(Random random, OffsetDateTime at, String monitor, String site) {
        UUID id = new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
        return new Header(id, OPERATION.id(), at, monitor, site, null, null);
    }
}
