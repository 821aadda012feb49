package org.corridor.operation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Operation aleppo() {
        return OperationReader.read(OperationReaderTest.resource("aleppo.yaml"));
    }

    @Test
    void write_thenRead_givesAnEqualOperation() {
        Operation operation = aleppo();

        assertThat(OperationReader.read(OperationWriter.write(operation))).isEqualTo(operation);
    }

    @Test
    void write_asBytes_thenRead_givesAnEqualOperation() throws Exception {
        Operation operation = aleppo();
        byte[] file = JSON.writeValueAsBytes(OperationWriter.write(operation));

        assertThat(OperationReader.read(file)).isEqualTo(operation);
    }

    @Test
    void write_flagsAndEmptyLists_roundTrip() {
        Operation operation = new Operation(
                "homs-2017",
                new LocalizedName(null, "حمص"),
                ZoneId.of("UTC"),
                List.of(),
                List.of(
                        new Site("waer", new LocalizedName("Waer", null), SiteKind.ORIGIN, -0.5, 180, null, List.of()),
                        new Site(
                                "jarablus",
                                new LocalizedName("Jarablus", null),
                                SiteKind.CROSSING,
                                90,
                                -180,
                                "SY0203",
                                List.of())),
                List.of(new Agreement(
                        "waer-out",
                        new LocalizedName("Waer", null),
                        List.of(),
                        List.of(new Movement("waer-out", "waer", "jarablus", List.of(), 1, null, null)))),
                List.of(),
                true,
                true);

        ObjectNode written = OperationWriter.write(operation);

        assertThat(written.get("requireSignatures").booleanValue()).isTrue();
        assertThat(written.get("public").booleanValue()).isTrue();
        assertThat(OperationReader.read(written)).isEqualTo(operation);
    }

    @Test
    void write_keepsSecondsAndOffsets() {
        JsonText movement = movementOf(aleppo(), 0, 0);

        assertThat(movement.at("/opens/at")).isEqualTo("2016-12-15T05:00:00+02:00");
        assertThat(movement.at("/deadline")).isEqualTo("2016-12-22T23:59:00+02:00");
    }

    @Test
    void write_timeReadWithoutSeconds_writesThemAndKeepsTheOffset() {
        ObjectNode tree = OperationReaderTest.validTree();
        OperationReaderTest.set("/agreements/0/movements/0/opens/at", "2016-12-15T05:00+03:00")
                .accept(tree);
        OperationReaderTest.set("/agreements/0/movements/0/deadline", "2016-12-22T23:59:30.250-04:30")
                .accept(tree);
        Operation operation = OperationReader.read(tree);

        JsonText movement = movementOf(operation, 0, 0);

        assertThat(movement.at("/opens/at")).isEqualTo("2016-12-15T05:00:00+03:00");
        assertThat(movement.at("/deadline")).isEqualTo("2016-12-22T23:59:30.25-04:30");
        Movement readBack = OperationReader.read(OperationWriter.write(operation))
                .movement("east-aleppo-out")
                .orElseThrow();
        assertThat(readBack.opens()).isEqualTo(new Opening.AtTime(OffsetDateTime.parse("2016-12-15T05:00:00+03:00")));
        assertThat(readBack.deadline().getOffset().getId()).isEqualTo("-04:30");
    }

    @Test
    void write_opensAfter_writesMovementAndThreshold() {
        JsonText movement = movementOf(aleppo(), 1, 0);

        assertThat(movement.at("/opens/after/movement")).isEqualTo("fua-kafraya-out");
        assertThat(movement.node.at("/opens/after/reaches").longValue()).isEqualTo(4000);
    }

    @Test
    void write_leavesOutAbsentOptionalFields() {
        Operation operation = aleppo();
        ObjectNode written = OperationWriter.write(operation);

        ObjectNode plainMovement = (ObjectNode) written.at("/agreements/0/movements/1");
        assertThat(iterable(plainMovement)).containsExactly("id", "from", "to", "quota");
        ObjectNode plainSite = (ObjectNode) written.at("/sites/2");
        assertThat(iterable(plainSite)).containsExactly("id", "name", "kind", "location");
        ObjectNode plainMonitor = (ObjectNode) written.at("/monitors/1");
        assertThat(iterable(plainMonitor)).containsExactly("id", "name", "organisation");
        assertThat(written.has("requireSignatures")).isFalse();
        assertThat(written.has("public")).isFalse();
    }

    @Test
    void write_keepsArabicAndEnglishNames() throws Exception {
        ObjectNode written = OperationWriter.write(aleppo());

        assertThat(written.at("/name/ar").textValue()).isEqualTo("إجلاء حلب، كانون الأول 2016");
        assertThat(written.at("/sites/2/name").has("en")).isFalse();
        assertThat(written.at("/sites/1/aliases/1/ar").textValue()).isEqualTo("الراموسة");
        assertThat(new String(JSON.writeValueAsBytes(written.get("name")), StandardCharsets.UTF_8))
                .contains("حلب");
    }

    private static List<String> iterable(ObjectNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    private static JsonText movementOf(Operation operation, int agreement, int movement) {
        return new JsonText(OperationWriter.write(operation).at("/agreements/" + agreement + "/movements/" + movement));
    }

    private record JsonText(com.fasterxml.jackson.databind.JsonNode node) {
        String at(String pointer) {
            return node.at(pointer).textValue();
        }
    }
}
