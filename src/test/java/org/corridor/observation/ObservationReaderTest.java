package org.corridor.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.corridor.core.FieldProblem;
import org.corridor.core.InvalidInputException;
import org.corridor.core.Problems;
import org.corridor.integrity.Ed25519;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObservationReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The Aleppo test operation, in which monitor m-un-01 signs with the key of seed 0, 1, …, 31. */
    private static final Operation ALEPPO_SIGNED = operation();
    /** The same without the key: reading field by field, the subject of most tests here, needs no signature. */
    private static final Operation ALEPPO = withoutKeys(ALEPPO_SIGNED);

    private static final OffsetDateTime AT = OffsetDateTime.parse("2016-12-19T08:10:00+02:00");
    private static final Instant NOW =
            OffsetDateTime.parse("2016-12-19T08:30:00+02:00").toInstant();
    private static final UUID ID = UUID.fromString("3f2b8c1e-5d4a-4f7e-9b1c-2a6d8e0f4c3b");
    private static final UUID OTHER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private static final List<String> TYPES = List.of(
            "convoy.departed",
            "convoy.passed",
            "convoy.halted",
            "convoy.resumed",
            "convoy.arrived",
            "persons.detained",
            "persons.released",
            "count.corrected",
            "incident.reported");

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "convoy.departed", List.of("convoy", "movement", "people"),
            "convoy.passed", List.of("convoy"),
            "convoy.halted", List.of("convoy", "reason"),
            "convoy.resumed", List.of("convoy"),
            "convoy.arrived", List.of("convoy", "movement", "people"),
            "persons.detained", List.of("people"),
            "persons.released", List.of("people", "to"),
            "count.corrected", List.of("refersTo", "people", "reason"),
            "incident.reported", List.of("category", "severity", "description"));

    private static final List<String> COMMON_REQUIRED = List.of("id", "type", "operation", "at", "monitor", "site");

    private static Operation operation() {
        try (InputStream in = ObservationReaderTest.class.getResourceAsStream("/operations/aleppo.yaml")) {
            return OperationReader.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation withoutKeys(Operation operation) {
        return new Operation(
                operation.id(),
                operation.name(),
                operation.timezone(),
                operation.parties(),
                operation.sites(),
                operation.agreements(),
                operation.monitors().stream()
                        .map(m -> new org.corridor.operation.Monitor(m.id(), m.name(), m.organisation(), null))
                        .toList(),
                operation.requireSignatures(),
                operation.isPublic());
    }

    private static Ed25519.KeyPair monitorKey() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        return Ed25519.KeyPair.fromSeed(seed);
    }

    /** A valid example of each type, with every optional field the type has. */
    static ObjectNode valid(String type) {
        ObjectNode tree = NODES.objectNode()
                .put("id", ID.toString())
                .put("type", type)
                .put("operation", "aleppo-2016-12")
                .put("at", "2016-12-19T08:10:00+02:00")
                .put("monitor", "m-un-01");
        switch (type) {
            case "convoy.departed" -> {
                tree.put("site", "east-aleppo").put("convoy", "c-01").put("movement", "east-aleppo-out");
                tree.put("people", 320).putObject("vehicles").put("bus", 8).put("ambulance", 2);
            }
            case "convoy.passed" -> {
                tree.put("site", "ramouseh").put("convoy", "c-01").put("people", 318);
                tree.putObject("vehicles").put("bus", 8);
            }
            case "convoy.halted" ->
                tree.put("site", "ramouseh").put("convoy", "c-01").put("reason", "road blocked");
            case "convoy.resumed" -> tree.put("site", "ramouseh").put("convoy", "c-01");
            case "convoy.arrived" ->
                tree.put("site", "rashidin")
                        .put("convoy", "c-01")
                        .put("movement", "east-aleppo-out")
                        .put("people", 300);
            case "persons.detained" ->
                tree.put("site", "ramouseh")
                        .put("people", 12)
                        .put("convoy", "c-01")
                        .put("by", "russia");
            case "persons.released" ->
                tree.put("site", "ramouseh")
                        .put("people", 5)
                        .put("to", "rashidin")
                        .put("movement", "east-aleppo-out")
                        .put("refersTo", OTHER.toString());
            case "count.corrected" ->
                tree.put("site", "east-aleppo")
                        .put("refersTo", OTHER.toString())
                        .put("people", 330)
                        .put("reason", "recounted at the bus door");
            case "incident.reported" ->
                tree.put("site", "ramouseh")
                        .put("category", "obstruction")
                        .put("severity", "high")
                        .put("people", 3)
                        .put("description", "convoy searched for two hours");
            default -> throw new IllegalArgumentException(type);
        }
        return tree;
    }

    private static Header header(String site) {
        return new Header(ID, "aleppo-2016-12", AT, "m-un-01", site, null, null);
    }

    private static Observation read(JsonNode tree) {
        return ObservationReader.read(tree, ALEPPO, NOW);
    }

    private static List<String> problemFields(JsonNode tree) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> read(tree));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(FieldProblem::field).toList();
    }

    // --- valid examples ---------------------------------------------------------------------------------------------

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(
                        "convoy.departed",
                        new Observation.ConvoyDeparted(
                                header("east-aleppo"),
                                "c-01",
                                "east-aleppo-out",
                                320,
                                Map.of("bus", 8L, "ambulance", 2L))),
                Arguments.of(
                        "convoy.passed",
                        new Observation.ConvoyPassed(header("ramouseh"), "c-01", 318L, Map.of("bus", 8L))),
                Arguments.of("convoy.halted", new Observation.ConvoyHalted(header("ramouseh"), "c-01", "road blocked")),
                Arguments.of("convoy.resumed", new Observation.ConvoyResumed(header("ramouseh"), "c-01")),
                Arguments.of(
                        "convoy.arrived",
                        new Observation.ConvoyArrived(header("rashidin"), "c-01", "east-aleppo-out", 300, Map.of())),
                Arguments.of(
                        "persons.detained", new Observation.PersonsDetained(header("ramouseh"), 12, "c-01", "russia")),
                Arguments.of(
                        "persons.released",
                        new Observation.PersonsReleased(header("ramouseh"), 5, "rashidin", "east-aleppo-out", OTHER)),
                Arguments.of(
                        "count.corrected",
                        new Observation.CountCorrected(header("east-aleppo"), OTHER, 330, "recounted at the bus door")),
                Arguments.of(
                        "incident.reported",
                        new Observation.IncidentReported(
                                header("ramouseh"),
                                IncidentCategory.OBSTRUCTION,
                                Severity.HIGH,
                                3L,
                                "convoy searched for two hours")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void read_validExample_givesTheRecord(String type, Observation expected) {
        Observation read = read(valid(type));

        assertThat(read).isEqualTo(expected);
        assertThat(read.type().wireName()).isEqualTo(type);
    }

    @Test
    void read_optionalFieldsAbsent_givesNullsAndNoVehicles() {
        ObjectNode passed = valid("convoy.passed");
        passed.remove(List.of("people", "vehicles"));
        ObjectNode detained = valid("persons.detained");
        detained.remove(List.of("convoy", "by"));
        ObjectNode released = valid("persons.released");
        released.remove(List.of("movement", "refersTo"));
        ObjectNode incident = valid("incident.reported");
        incident.remove("people");

        assertThat(read(passed)).isEqualTo(new Observation.ConvoyPassed(header("ramouseh"), "c-01", null, Map.of()));
        assertThat(read(detained)).isEqualTo(new Observation.PersonsDetained(header("ramouseh"), 12, null, null));
        assertThat(read(released))
                .isEqualTo(new Observation.PersonsReleased(header("ramouseh"), 5, "rashidin", null, null));
        assertThat(((Observation.IncidentReported) read(incident)).people()).isNull();
    }

    @Test
    void read_noteAndSignature_areKept() {
        ObjectNode tree = Signatures.sign(valid("convoy.halted").put("note", "الطريق مغلق"), monitorKey());

        Header header = ObservationReader.read(tree, ALEPPO_SIGNED, NOW).header();

        assertThat(header.note()).isEqualTo("الطريق مغلق");
        assertThat(header.signature()).isEqualTo(tree.get("signature").asText());
    }

    @Test
    void read_signatureThatDoesNotVerify_namesSignature() {
        ObjectNode tree = Signatures.sign(valid("convoy.halted"), monitorKey()).put("reason", "changed");

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class, () -> ObservationReader.read(tree, ALEPPO_SIGNED, NOW));

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("signature");
    }

    @Test
    void readStored_doesNotVerifyAgain_soThatARotatedKeyLeavesWhatWasAcceptedReadable() {
        ObjectNode tree = Signatures.sign(valid("convoy.halted"), Ed25519.KeyPair.fromSeed(new byte[32]));
        Problems problems = new Problems();

        Observation stored = ObservationReader.readStored(tree, ALEPPO_SIGNED, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(stored.header().signature()).isEqualTo(tree.get("signature").asText());
    }

    @Test
    void read_upperCaseUuid_isReadAsTheSameId() {
        ObjectNode tree = valid("convoy.resumed").put("id", ID.toString().toUpperCase(java.util.Locale.ROOT));

        assertThat(read(tree).idText()).isEqualTo(ID.toString());
    }

    @Test
    void read_zeroPeople_isAccepted() {
        assertThat(read(valid("convoy.arrived").put("people", 0)).peopleOrNull())
                .isZero();
    }

    // --- a required field missing -----------------------------------------------------------------------------------

    static Stream<Arguments> requiredFields() {
        List<Arguments> cases = new ArrayList<>();
        for (String type : TYPES) {
            for (String field : COMMON_REQUIRED) {
                cases.add(Arguments.of(type, field));
            }
            for (String field : REQUIRED.get(type)) {
                cases.add(Arguments.of(type, field));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void read_requiredFieldMissing_namesIt(String type, String field) {
        ObjectNode tree = valid(type);
        tree.remove(field);

        assertThat(problemFields(tree)).containsExactly(field);
    }

    @ParameterizedTest(name = "{0} with {1}: null")
    @MethodSource("requiredFields")
    void read_requiredFieldNull_namesIt(String type, String field) {
        ObjectNode tree = valid(type);
        tree.putNull(field);

        assertThat(problemFields(tree)).containsExactly(field);
    }

    // --- one wrong value at a time ----------------------------------------------------------------------------------

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                wrong("people as a string", "convoy.departed", "people", "320", "people"),
                wrong("people 1.5", "convoy.arrived", "people", 1.5, "people"),
                wrong("people negative", "convoy.departed", "people", -1, "people"),
                wrong(
                        "people beyond a long",
                        "convoy.departed",
                        "people",
                        new BigInteger("99999999999999999999"),
                        "people"),
                wrong("passed people negative", "convoy.passed", "people", -3, "people"),
                wrong("passed people a string", "convoy.passed", "people", "many", "people"),
                wrong("detained people negative", "persons.detained", "people", -12, "people"),
                wrong("released people negative", "persons.released", "people", -5, "people"),
                wrong("corrected people negative", "count.corrected", "people", -330, "people"),
                wrong("incident people negative", "incident.reported", "people", -1, "people"),
                wrong("at without offset", "convoy.departed", "at", "2016-12-19T08:10:00", "at"),
                wrong("at a date only", "convoy.halted", "at", "2016-12-19", "at"),
                wrong("at a number", "convoy.halted", "at", 1482127800, "at"),
                wrong("id not a UUID", "convoy.departed", "id", "departure-1", "id"),
                wrong("id a number", "convoy.resumed", "id", 42, "id"),
                wrong("refersTo not a UUID", "count.corrected", "refersTo", "the departure", "refersTo"),
                wrong("release refersTo not a UUID", "persons.released", "refersTo", "x", "refersTo"),
                wrong("vehicles not an object", "convoy.departed", "vehicles", List.of("bus"), "vehicles"),
                wrong("vehicles a number", "convoy.passed", "vehicles", 8, "vehicles"),
                wrong("vehicles count negative", "convoy.departed", "vehicles", Map.of("bus", -1), "vehicles.bus"),
                wrong("vehicles count a string", "convoy.arrived", "vehicles", Map.of("bus", "eight"), "vehicles.bus"),
                wrong(
                        "vehicles kind not a slug",
                        "convoy.departed",
                        "vehicles",
                        Map.of("Big Bus", 1),
                        "vehicles.Big Bus"),
                wrong("convoy not a slug", "convoy.halted", "convoy", "Convoy 1", "convoy"),
                wrong("type a number", "convoy.halted", "type", 3, "type"),
                wrong("note not a string", "convoy.halted", "note", 3, "note"),
                wrong("reason empty", "convoy.halted", "reason", " ", "reason"),
                wrong("unknown operation", "convoy.departed", "operation", "homs-2017", "operation"),
                wrong("unknown site", "convoy.passed", "site", "nowhere", "site"),
                wrong("unknown movement", "convoy.departed", "movement", "homs-out", "movement"),
                wrong("unknown movement on arrival", "convoy.arrived", "movement", "homs-out", "movement"),
                wrong("unknown movement on release", "persons.released", "movement", "homs-out", "movement"),
                wrong("unknown monitor", "convoy.halted", "monitor", "m-xx-99", "monitor"),
                wrong("unknown party", "persons.detained", "by", "turkey", "by"),
                wrong("unknown release site", "persons.released", "to", "nowhere", "to"),
                wrong("departure away from origin", "convoy.departed", "site", "ramouseh", "site"),
                wrong("arrival away from destination", "convoy.arrived", "site", "east-aleppo", "site"),
                wrong("unknown category", "incident.reported", "category", "riot", "category"),
                wrong("unknown severity", "incident.reported", "severity", "extreme", "severity"),
                wrong("unknown type", "convoy.halted", "type", "convoy.vanished", "type"),
                wrong("extra field of another type", "convoy.departed", "reason", "none", "reason"),
                wrong("extra field of no type", "convoy.resumed", "speed", 40, "speed"),
                wrong("correction of itself", "count.corrected", "refersTo", ID.toString(), "refersTo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void read_wrongValue_namesTheField(String name, String type, String field, Object value, String expected) {
        ObjectNode tree = valid(type);
        tree.set(field, JSON.valueToTree(value));

        assertThat(problemFields(tree)).containsExactly(expected);
    }

    @Test
    void read_timeBefore1900_namesAt() {
        ObjectNode tree = valid("convoy.departed").put("at", "1600-01-01T00:00:00Z");

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> read(tree));

        assertThat(refused.problems()).singleElement().satisfies(problem -> assertThat(problem.field())
                .isEqualTo("at"));
    }

    @Test
    void read_departureAwayFromOrigin_namesSite() {
        ObjectNode tree = valid("convoy.departed").put("site", "rashidin");

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> read(tree));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("site");
            assertThat(problem.message()).contains("east-aleppo");
        });
    }

    @Test
    void readStored_keepsWhatWasAccepted_whenTheDefinitionMovedTheOriginOrTimePassed() {
        ObjectNode tree = valid("convoy.departed").put("site", "rashidin").put("at", "2099-01-01T00:00:00+02:00");
        org.corridor.core.Problems problems = new org.corridor.core.Problems();

        Observation stored = ObservationReader.readStored(tree, ALEPPO, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(stored).isInstanceOf(Observation.ConvoyDeparted.class);
        assertThat(stored.site()).isEqualTo("rashidin");
    }

    @Test
    void readStored_stillNeedsTheIdsItUses() {
        ObjectNode tree = valid("convoy.departed").put("monitor", "m-gone");
        org.corridor.core.Problems problems = new org.corridor.core.Problems();

        assertThat(ObservationReader.readStored(tree, ALEPPO, problems)).isNull();
        assertThat(problems.list())
                .extracting(org.corridor.core.FieldProblem::field)
                .containsExactly("monitor");
    }

    @Test
    void read_arrivalAwayFromDestination_namesSite() {
        ObjectNode tree = valid("convoy.arrived").put("site", "ramouseh");

        assertThat(problemFields(tree)).containsExactly("site");
    }

    @Test
    void read_misspelledField_namesItAndTheMissingOne() {
        ObjectNode tree = valid("convoy.departed");
        tree.set("peopel", tree.remove("people"));

        assertThat(problemFields(tree)).containsExactlyInAnyOrder("peopel", "people");
    }

    @Test
    void read_notAnObject_isRefused() {
        assertThat(problemFields(NODES.arrayNode())).containsExactly("");
        assertThat(problemFields(NODES.textNode("convoy.departed"))).containsExactly("");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> read(null)))
                .isNotNull();
    }

    // --- the clock --------------------------------------------------------------------------------------------------

    @Test
    void read_atSixMinutesAfterNow_isRefused() {
        ObjectNode tree = valid("convoy.departed").put("at", at(NOW.plus(Duration.ofMinutes(6))));

        assertThat(problemFields(tree)).containsExactly("at");
    }

    @Test
    void read_atFourMinutesAfterNow_isAccepted() {
        ObjectNode tree = valid("convoy.departed").put("at", at(NOW.plus(Duration.ofMinutes(4))));

        assertThat(read(tree).instant()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    }

    @Test
    void read_atExactlyFiveMinutesAfterNow_isAccepted() {
        ObjectNode tree = valid("convoy.departed").put("at", at(NOW.plus(Duration.ofMinutes(5))));

        assertThat(read(tree).instant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void read_futureAtInAnotherOffset_isJudgedByTheInstant() {
        // 06:34 UTC is 08:34 in Damascus: four minutes after NOW, whatever the offset written.
        ObjectNode tree = valid("convoy.halted").put("at", "2016-12-19T06:34:00Z");

        assertThat(read(tree).instant()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    }

    @Test
    void read_atLongAgo_isAccepted() {
        ObjectNode tree = valid("convoy.halted").put("at", "2016-12-01T00:00:00+02:00");

        assertThat(read(tree)).isNotNull();
    }

    // --- every problem at once --------------------------------------------------------------------------------------

    @Test
    void read_manyFaults_namesEveryField() {
        ObjectNode tree = valid("convoy.departed")
                .put("operation", "homs-2017")
                .put("monitor", "m-xx-99")
                .put("people", -4)
                .put("convoy", "Convoy 1")
                .put("colour", "white");
        tree.remove("movement");

        assertThat(problemFields(tree))
                .containsExactlyInAnyOrder("operation", "monitor", "people", "convoy", "colour", "movement");
    }

    @Test
    void read_departureWithoutIdAwayFromOrigin_namesBoth() {
        ObjectNode tree = valid("convoy.departed").put("site", "rashidin");
        tree.remove("id");

        assertThat(problemFields(tree)).containsExactlyInAnyOrder("id", "site");
    }

    @Test
    void read_arrivalWithFutureAtAwayFromDestination_namesBoth() {
        ObjectNode tree = valid("convoy.arrived").put("site", "east-aleppo").put("at", "2016-12-19T09:00:00+02:00");

        assertThat(problemFields(tree)).containsExactlyInAnyOrder("at", "site");
    }

    @Test
    void read_selfCorrectionWithoutMonitor_namesBoth() {
        ObjectNode tree = valid("count.corrected").put("refersTo", ID.toString());
        tree.remove("monitor");

        assertThat(problemFields(tree)).containsExactlyInAnyOrder("monitor", "refersTo");
    }

    @Test
    void read_withProblems_recordsThemWithoutThrowing() {
        org.corridor.core.Problems problems = new org.corridor.core.Problems();

        Observation read = ObservationReader.read(valid("convoy.departed").put("people", -1), ALEPPO, NOW, problems);

        assertThat(read).isNull();
        assertThat(problems.list()).extracting(FieldProblem::field).containsExactly("people");
    }

    // --- the property: an observation or problems, never anything else ---------------------------------------------

    @Property(tries = 2000)
    void read_anyObject_givesAnObservationOrProblems(@ForAll("observationTrees") ObjectNode tree) {
        try {
            Observation read = read(tree);
            assertThat(read).isNotNull();
            assertThat(read.type().wireName()).isEqualTo(tree.get("type").textValue());
            Statistics.collect("valid");
        } catch (InvalidInputException refused) {
            assertThat(refused.problems()).isNotEmpty();
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<ObjectNode> observationTrees() {
        Arbitrary<String> names = Arbitraries.of(
                "id",
                "type",
                "operation",
                "at",
                "monitor",
                "site",
                "note",
                "signature",
                "convoy",
                "movement",
                "people",
                "vehicles",
                "reason",
                "by",
                "to",
                "refersTo",
                "category",
                "severity",
                "description",
                "bogus",
                "");
        Arbitrary<Consumer<ObjectNode>> set =
                Combinators.combine(names, values()).as((name, value) -> tree -> tree.set(name, value));
        Arbitrary<Consumer<ObjectNode>> remove = names.map(name -> tree -> tree.remove(name));
        Arbitrary<List<Consumer<ObjectNode>>> edits = Arbitraries.frequencyOf(Tuple.of(3, set), Tuple.of(1, remove))
                .list()
                .ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(TYPES), edits).as((type, changes) -> {
            ObjectNode tree = valid(type);
            changes.forEach(change -> change.accept(tree));
            return tree;
        });
    }

    private static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> texts = Arbitraries.of(
                        "",
                        " ",
                        "c-01",
                        "C 01",
                        "east-aleppo",
                        "rashidin",
                        "ramouseh",
                        "nowhere",
                        "east-aleppo-out",
                        "homs-out",
                        "m-un-01",
                        "m-src-02",
                        "russia",
                        "turkey",
                        "aleppo-2016-12",
                        ID.toString(),
                        OTHER.toString(),
                        "not-a-uuid",
                        "2016-12-19T08:10:00+02:00",
                        "2016-12-19T09:10:00+02:00",
                        "2016-12-19T08:10:00",
                        "+999999999-12-31T23:59:59+18:00",
                        "low",
                        "critical",
                        "death",
                        "convoy.arrived",
                        "count.corrected",
                        "الراشدين",
                        "-",
                        "a".repeat(65))
                .map(NODES::textNode);
        Arbitrary<JsonNode> integers =
                Arbitraries.longs().between(-10, 2_000_000_000L).map(NODES::numberNode);
        Arbitrary<JsonNode> bigs = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(30))
                .map(NODES::numberNode);
        Arbitrary<JsonNode> doubles = Arbitraries.of(1.5, -0.0, 1e300, Double.NaN, Double.POSITIVE_INFINITY)
                .map(NODES::numberNode);
        Arbitrary<JsonNode> others = Arbitraries.of(
                NODES.nullNode(),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.arrayNode().add("bus"),
                NODES.objectNode(),
                NODES.objectNode().put("bus", 51),
                NODES.objectNode().put("bus", -1),
                NODES.objectNode().put("Bus", "x"),
                NODES.objectNode().putNull("bus"),
                NODES.objectNode().put("", 1));
        return Arbitraries.oneOf(texts, integers, bigs, doubles, others.map(JsonNode::deepCopy));
    }

    private static Arguments wrong(String name, String type, String field, Object value, String expected) {
        return Arguments.of(name, type, field, value, expected);
    }

    private static String at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
    }
}
