package org.corridor.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.core.FieldProblem;
import org.corridor.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OperationReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] resource(String name) {
        try (InputStream in = OperationReaderTest.class.getResourceAsStream("/operations/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode validTree() {
        return (ObjectNode) OperationReader.parse(resource("aleppo.yaml"));
    }

    private static List<FieldProblem> problemsOf(JsonNode tree) {
        return catchThrowableOfType(InvalidInputException.class, () -> OperationReader.read(tree))
                .problems();
    }

    private static List<FieldProblem> problemsOf(String file) {
        return catchThrowableOfType(
                        InvalidInputException.class, () -> OperationReader.read(file.getBytes(StandardCharsets.UTF_8)))
                .problems();
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void read_yamlAndJson_giveEqualOperations() {
        Operation fromYaml = OperationReader.read(resource("aleppo.yaml"));
        Operation fromJson = OperationReader.read(resource("aleppo.json"));

        assertThat(fromJson).isEqualTo(fromYaml);
    }

    @Test
    void read_validYaml_readsEveryField() {
        Operation operation = OperationReader.read(resource("aleppo.yaml"));

        assertThat(operation.id()).isEqualTo("aleppo-2016-12");
        assertThat(operation.name())
                .isEqualTo(new LocalizedName("Aleppo evacuation, December 2016", "إجلاء حلب، كانون الأول 2016"));
        assertThat(operation.timezone()).isEqualTo(ZoneId.of("Asia/Damascus"));
        assertThat(operation.parties()).extracting(Party::id).containsExactly("opposition", "russia", "iran");
        assertThat(operation.sites()).hasSize(6);
        Site eastAleppo = operation.sites().get(0);
        assertThat(eastAleppo)
                .isEqualTo(new Site(
                        "east-aleppo",
                        new LocalizedName("Eastern Aleppo", "الأحياء الشرقية لحلب"),
                        SiteKind.ORIGIN,
                        36.20,
                        37.17,
                        "SY02",
                        List.of()));
        assertThat(operation.site("ramouseh").orElseThrow().aliases())
                .containsExactly(new LocalizedName("Ramousa", null), new LocalizedName(null, "الراموسة"));
        assertThat(operation.site("idlib").orElseThrow().kind()).isEqualTo(SiteKind.RECEPTION);
        assertThat(operation.agreements()).extracting(Agreement::id).containsExactly("aleppo-east", "four-towns");
        assertThat(operation.agreements().get(0).parties()).containsExactly("opposition", "russia", "iran");
        assertThat(operation.movement("east-aleppo-out").orElseThrow())
                .isEqualTo(new Movement(
                        "east-aleppo-out",
                        "east-aleppo",
                        "rashidin",
                        List.of("ramouseh"),
                        20000,
                        new Opening.AtTime(OffsetDateTime.parse("2016-12-15T05:00:00+02:00")),
                        OffsetDateTime.parse("2016-12-22T23:59:00+02:00")));
        assertThat(operation.movement("fua-kafraya-out").orElseThrow())
                .isEqualTo(new Movement("fua-kafraya-out", "fua-kafraya", "rashidin", List.of(), 4000, null, null));
        assertThat(operation.movement("zabadani-madaya-out").orElseThrow().opens())
                .isEqualTo(new Opening.AfterMovement("fua-kafraya-out", 4000));
        assertThat(operation.monitors())
                .containsExactly(
                        new Monitor(
                                "m-un-01",
                                new LocalizedName("UN monitor 1", null),
                                "UN",
                                "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="),
                        new Monitor("m-src-02", new LocalizedName(null, "مراقب الهلال الأحمر"), "SARC", null));
        assertThat(operation.requireSignatures()).isFalse();
        assertThat(operation.isPublic()).isFalse();
    }

    @Test
    void read_flags_areRead() {
        ObjectNode tree = validTree();
        tree.put("requireSignatures", true).put("public", true);

        Operation operation = OperationReader.read(tree);

        assertThat(operation.requireSignatures()).isTrue();
        assertThat(operation.isPublic()).isTrue();
    }

    @Test
    void read_jsonAfterLeadingWhitespace_isReadAsJson() {
        byte[] json =
                ("\n  " + new String(resource("aleppo.json"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        assertThat(OperationReader.read(json)).isEqualTo(OperationReader.read(resource("aleppo.yaml")));
    }

    // --- one fault at a time: the exact paths reported -------------------------------------------------------------

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(
                        "unknown site in to",
                        set("/agreements/0/movements/1/to", "nowhere"),
                        "agreements[0].movements[1].to"),
                fault(
                        "unknown site in from",
                        set("/agreements/1/movements/0/from", "nowhere"),
                        "agreements[1].movements[0].from"),
                fault(
                        "unknown site in via",
                        set("/agreements/0/movements/0/via/0", "nowhere"),
                        "agreements[0].movements[0].via[0]"),
                fault(
                        "from equals to",
                        set("/agreements/0/movements/1/to", "fua-kafraya"),
                        "agreements[0].movements[1].to"),
                fault("unknown party", set("/agreements/0/parties/1", "turkey"), "agreements[0].parties[1]"),
                fault(
                        "cycle of two",
                        set("/agreements/0/movements/1/opens", after("zabadani-madaya-out")),
                        "agreements[0].movements[1].opens.after.movement",
                        "agreements[1].movements[0].opens.after.movement"),
                fault(
                        "cycle of three",
                        all(
                                set("/agreements/0/movements/0/opens", after("zabadani-madaya-out")),
                                set("/agreements/0/movements/1/opens", after("east-aleppo-out"))),
                        "agreements[0].movements[0].opens.after.movement",
                        "agreements[0].movements[1].opens.after.movement",
                        "agreements[1].movements[0].opens.after.movement"),
                fault(
                        "opens after itself",
                        set("/agreements/0/movements/1/opens", after("fua-kafraya-out")),
                        "agreements[0].movements[1].opens.after.movement"),
                fault(
                        "opens after an unknown movement",
                        set("/agreements/1/movements/0/opens/after/movement", "homs-out"),
                        "agreements[1].movements[0].opens.after.movement"),
                fault(
                        "reaches 0",
                        set("/agreements/1/movements/0/opens/after/reaches", 0),
                        "agreements[1].movements[0].opens.after.reaches"),
                fault(
                        "opens with at and after",
                        set("/agreements/1/movements/0/opens/at", "2016-12-15T05:00:00+02:00"),
                        "agreements[1].movements[0].opens"),
                fault(
                        "opens with neither",
                        set("/agreements/1/movements/0/opens", JSON.createObjectNode()),
                        "agreements[1].movements[0].opens"),
                fault(
                        "opens at without offset",
                        set("/agreements/0/movements/0/opens/at", "2016-12-15T05:00:00"),
                        "agreements[0].movements[0].opens.at"),
                fault(
                        "deadline not a time",
                        set("/agreements/0/movements/0/deadline", "next week"),
                        "agreements[0].movements[0].deadline"),
                fault("quota 0", set("/agreements/0/movements/1/quota", 0), "agreements[0].movements[1].quota"),
                fault("negative quota", set("/agreements/0/movements/1/quota", -5), "agreements[0].movements[1].quota"),
                fault(
                        "quota not a number",
                        set("/agreements/0/movements/1/quota", "many"),
                        "agreements[0].movements[1].quota"),
                fault(
                        "quota a fraction",
                        set("/agreements/0/movements/1/quota", 1.5),
                        "agreements[0].movements[1].quota"),
                fault("unknown time zone", set("/timezone", "Mars/Olympus"), "timezone"),
                fault("duplicate site id", appendCopy("/sites", 0), "sites[6].id"),
                fault("duplicate party id", appendCopy("/parties", 2), "parties[3].id"),
                fault("duplicate monitor id", appendCopy("/monitors", 0), "monitors[2].id"),
                fault("duplicate agreement id", set("/agreements/1/id", "aleppo-east"), "agreements[1].id"),
                fault(
                        "duplicate movement id across agreements",
                        set("/agreements/1/movements/0/id", "east-aleppo-out"),
                        "agreements[1].movements[0].id"),
                fault("operation id not a slug", set("/id", "Aleppo 2016"), "id"),
                fault("monitor id not a slug", set("/monitors/1/id", "M_02"), "monitors[1].id"),
                fault(
                        "movement id not a slug",
                        set("/agreements/0/movements/1/id", "-out"),
                        "agreements[0].movements[1].id",
                        "agreements[1].movements[0].opens.after.movement"),
                fault(
                        "party id too long",
                        set("/parties/0/id", "p".repeat(65)),
                        "parties[0].id",
                        "agreements[0].parties[0]",
                        "agreements[1].parties[0]"),
                fault(
                        "via entry not a slug",
                        set("/agreements/0/movements/0/via/0", "Ramouseh"),
                        "agreements[0].movements[0].via[0]"),
                fault(
                        "site id not a slug, and so unknown where used",
                        set("/sites/3/id", "Fua"),
                        "sites[3].id",
                        "agreements[0].movements[1].from"),
                fault("missing id", remove("/id"), "id"),
                fault("missing name", remove("/name"), "name"),
                fault("missing timezone", remove("/timezone"), "timezone"),
                fault("missing sites", remove("/sites"), "sites"),
                fault("missing agreements", remove("/agreements"), "agreements"),
                fault("missing movements", remove("/agreements/1/movements"), "agreements[1].movements"),
                fault(
                        "missing movement from",
                        remove("/agreements/0/movements/1/from"),
                        "agreements[0].movements[1].from"),
                fault("missing movement to", remove("/agreements/0/movements/1/to"), "agreements[0].movements[1].to"),
                fault(
                        "missing movement quota",
                        remove("/agreements/0/movements/1/quota"),
                        "agreements[0].movements[1].quota"),
                fault("missing site kind", remove("/sites/2/kind"), "sites[2].kind"),
                fault("missing site location", remove("/sites/2/location"), "sites[2].location"),
                fault("missing party name", remove("/parties/2/name"), "parties[2].name"),
                fault("name with neither en nor ar", set("/name", JSON.createObjectNode()), "name"),
                fault(
                        "name with a blank en only",
                        set("/sites/4/name", JSON.createObjectNode().put("en", " ")),
                        "sites[4].name.en"),
                fault("name not an object", set("/agreements/0/name", "East Aleppo"), "agreements[0].name"),
                fault(
                        "location not a pair",
                        set("/sites/0/location", JSON.createArrayNode().add(36.2)),
                        "sites[0].location"),
                fault(
                        "location of strings",
                        set(
                                "/sites/0/location",
                                JSON.createArrayNode().add("36.2").add("37.1")),
                        "sites[0].location"),
                fault("location not a list", set("/sites/0/location", "Aleppo"), "sites[0].location"),
                fault("latitude out of range", set("/sites/0/location/0", 95.0), "sites[0].location[0]"),
                fault("longitude out of range", set("/sites/0/location/1", -181.0), "sites[0].location[1]"),
                fault("bad kind", set("/sites/1/kind", "camp"), "sites[1].kind"),
                fault("bad pcode", set("/sites/0/pcode", "aleppo"), "sites[0].pcode"),
                fault("publicKey not base64", set("/monitors/0/publicKey", "not base64!"), "monitors[0].publicKey"),
                fault(
                        "publicKey not 32 bytes",
                        set("/monitors/0/publicKey", Base64.getEncoder().encodeToString(new byte[16])),
                        "monitors[0].publicKey"),
                fault(
                        "publicKey of 32 bytes that are not a key (a point of small order)",
                        set("/monitors/0/publicKey", Base64.getEncoder().encodeToString(new byte[32])),
                        "monitors[0].publicKey"),
                fault(
                        "qouta for quota",
                        rename("/agreements/0/movements/1", "quota", "qouta"),
                        "agreements[0].movements[1].qouta",
                        "agreements[0].movements[1].quota"),
                fault("unknown top-level field", set("/owner", "UN"), "owner"),
                fault("unknown site field", set("/sites/0/population", 30000), "sites[0].population"),
                fault("unknown name language", set("/parties/0/name/fr", "Opposition armée"), "parties[0].name.fr"),
                fault("requireSignatures not a boolean", set("/requireSignatures", "yes"), "requireSignatures"),
                fault(
                        "deadline as a far-future placeholder",
                        set("/agreements/0/movements/0/deadline", "9999-12-31T00:00:00Z"),
                        "agreements[0].movements[0].deadline"),
                fault("sites not a list", set("/sites", "east-aleppo"), "sites"),
                fault("site not an object", set("/sites/5", "idlib"), "sites[5]", "agreements[1].movements[0].to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void read_faultyFile_namesEveryPathAtFault(String fault, Consumer<ObjectNode> change, List<String> expected) {
        ObjectNode tree = validTree();
        change.accept(tree);

        assertThat(fields(problemsOf(tree))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void read_fiveDifferentFaults_reportsFiveProblems() {
        ObjectNode tree = validTree();
        set("/agreements/0/movements/1/to", "nowhere").accept(tree);
        set("/agreements/0/movements/0/quota", 0).accept(tree);
        set("/timezone", "Asia/Aleppo").accept(tree);
        appendCopy("/monitors", 1).accept(tree);
        remove("/sites/4/kind").accept(tree);

        assertThat(fields(problemsOf(tree)))
                .containsExactlyInAnyOrder(
                        "agreements[0].movements[1].to",
                        "agreements[0].movements[0].quota",
                        "timezone",
                        "monitors[2].id",
                        "sites[4].kind");
    }

    @Test
    void read_problems_sayWhatIsWrong() {
        ObjectNode tree = validTree();
        set("/agreements/0/movements/1/to", "nowhere").accept(tree);

        assertThat(problemsOf(tree)).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("unknown site 'nowhere'"));
    }

    // --- files that are not operation files at all ------------------------------------------------------------------

    @Test
    void read_yamlNotANumberLocation_isRefusedAsMalformed() {
        String yaml = new String(resource("aleppo.yaml"), StandardCharsets.UTF_8)
                .replace("location: [36.20, 37.17]", "location: [.nan, 37.17]");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("line 13"));
    }

    @Test
    void read_yamlDuplicateKey_isRefused() {
        String yaml = new String(resource("aleppo.yaml"), StandardCharsets.UTF_8)
                .replace("        quota: 4000\n", "        quota: 4000\n        quota: 40000\n");

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("line 52")
                .contains("quota"));
    }

    @Test
    void read_jsonDuplicateKey_isRefused() {
        String json = new String(resource("aleppo.json"), StandardCharsets.UTF_8)
                .replace("\"timezone\": \"Asia/Damascus\",", "\"timezone\": \"Asia/Damascus\", \"timezone\": \"UTC\",");

        assertThat(problemsOf(json)).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("line 4")
                .contains("timezone"));
    }

    @Test
    void read_jsonWithTrailingText_isRefused() {
        String json = new String(resource("aleppo.json"), StandardCharsets.UTF_8) + "{\"id\": \"homs\"}\n";

        assertThat(problemsOf(json)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).contains("JSON").contains("line 39");
        });
    }

    @Test
    void read_yamlWithASecondDocument_isRefused() {
        String yaml = new String(resource("aleppo.yaml"), StandardCharsets.UTF_8) + "---\nid: homs\n";

        assertThat(problemsOf(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).contains("YAML").containsPattern("line \\d+");
        });
    }

    @Test
    void read_malformedYaml_namesTheLine() {
        List<FieldProblem> problems = problemsOf("id: aleppo\nname: {en: Aleppo\ntimezone: Asia/Damascus\n: : :\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).contains("YAML").containsPattern("line \\d+");
        });
    }

    @Test
    void read_malformedJson_namesTheLine() {
        List<FieldProblem> problems = problemsOf("{\n  \"id\": \"aleppo\",\n  \"name\": ,\n}");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).contains("JSON").contains("line 3");
        });
    }

    @Test
    void read_emptyFile_isRefused() {
        assertThat(problemsOf("")).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("empty"));
        assertThat(problemsOf("  \n\n")).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("empty"));
    }

    @Test
    void read_commentsOnly_isRefusedAsEmpty() {
        assertThat(problemsOf("# nothing here yet\n"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("empty"));
    }

    @Test
    void read_yamlList_isRefusedAsNotAMapping() {
        assertThat(problemsOf("- id: aleppo\n- id: homs\n")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEmpty();
            assertThat(problem.message()).contains("mapping");
        });
    }

    @Test
    void read_scalar_isRefusedAsNotAMapping() {
        assertThat(fields(problemsOf("aleppo\n"))).containsExactly("");
    }

    @Test
    void read_yamlWithAMistypedKey_namesItAndTheMissingOne() {
        String yaml = new String(resource("aleppo.yaml"), StandardCharsets.UTF_8).replace("quota: 4000", "qouta: 4000");

        assertThat(fields(problemsOf(yaml)))
                .containsExactlyInAnyOrder("agreements[0].movements[1].qouta", "agreements[0].movements[1].quota");
    }

    // --- tree edits -------------------------------------------------------------------------------------------------

    private static Arguments fault(String name, Consumer<ObjectNode> change, String... paths) {
        return Arguments.of(name, change, List.of(paths));
    }

    private static ObjectNode after(String movement) {
        ObjectNode opens = JSON.createObjectNode();
        opens.putObject("after").put("movement", movement).put("reaches", 100);
        return opens;
    }

    private static Consumer<ObjectNode> all(Consumer<ObjectNode> first, Consumer<ObjectNode> second) {
        return first.andThen(second);
    }

    static Consumer<ObjectNode> set(String pointer, Object value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode node = JSON.valueToTree(value);
        return tree -> {
            JsonNode parent = tree.at(at.head());
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(at.last().getMatchingProperty()), node);
            } else {
                ((ObjectNode) parent).set(at.last().getMatchingProperty(), node);
            }
        };
    }

    static Consumer<ObjectNode> remove(String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        return tree -> ((ObjectNode) tree.at(at.head())).remove(at.last().getMatchingProperty());
    }

    private static Consumer<ObjectNode> rename(String pointer, String from, String to) {
        return tree -> {
            ObjectNode node = (ObjectNode) tree.at(pointer);
            node.set(to, node.remove(from));
        };
    }

    private static Consumer<ObjectNode> appendCopy(String pointer, int index) {
        return tree -> {
            ArrayNode array = (ArrayNode) tree.at(pointer);
            array.add(array.get(index).deepCopy());
        };
    }
}
