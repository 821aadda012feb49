package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.corridor.cli.Commands;
import org.corridor.cli.Environment;
import org.corridor.ledger.StoredEntry;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.persons.PersonsVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Personal data end to end (CONTRACT §8, issue 3): observations with persons posted one by one and in a batch, loaded
 * from a file, and signed with a monitor's key; every role reads everything it may; the bundle is exported. Then the
 * names are looked for in the log's leaves, the bundle, the server's log output, the raw database file, the command
 * line's output and every response but the admin's and coordinator's reads of the persons themselves: none may
 * appear. The admin and the coordinator read them back exactly; a changed ciphertext and a wrong key are refused.
 */
class PersonsApiTest {
    /** Every name sent in this test, accepted or not. */
    private static final List<String> NAMES = List.of(
            "Ahmad Haddad",
            "فاطمة الزهراء",
            "Yusuf Kassem",
            "Mariam Saleh",
            "Khaled Nasser",
            "Layla Odeh",
            "Refused Name",
            "Conflict Name",
            "Tampered Name");

    @TempDir
    Path directory;

    private RunningServer api;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Every response to look for names in. */
    private final List<String> responses = new ArrayList<>();

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getKeyValuePairs() + " "
                    + (event.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    };
    private Level corridorLevel;

    @BeforeEach
    void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger corridor = (Logger) LoggerFactory.getLogger("org.corridor");
        corridorLevel = corridor.getLevel();
        corridor.setLevel(Level.TRACE); // everything Corridor logs, down to debug, is searched
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        api = RunningServer.start(directory);
    }

    @AfterEach
    void stop() {
        api.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture);
        ((Logger) LoggerFactory.getLogger("org.corridor")).setLevel(corridorLevel);
    }

    @Test
    void fullScenario_namesAppearOnlyInTheReadsOfAdminAndCoordinator() throws Exception {
        // Given an operation whose monitor m2 signs with a key made by keygen, and one account per role.
        String monitorKey =
                cli("keygen", "--out", directory.resolve("m2.key").toString()).strip();
        Path operationFile = directory.resolve("test-op.yaml");
        Files.writeString(
                operationFile,
                RunningServer.fixture("test-op.yaml")
                        .replace(
                                "{id: m2, name: {en: Monitor two}, organisation: ICRC}",
                                "{id: m2, name: {en: Monitor two}, organisation: ICRC, " + monitorKey + "}"));
        assertThat(api.post("/api/operations", "application/yaml", Files.readString(operationFile))
                        .statusCode())
                .isEqualTo(201);
        createAccount("coordinator", "{\"id\": \"coord\", \"role\": \"coordinator\", \"operations\": [\"test-op\"]}");
        createAccount("monitor", "{\"id\": \"mon\", \"role\": \"monitor\", \"operations\": [\"test-op\"]}");
        createAccount("liaison", "{\"id\": \"liaison\", \"role\": \"liaison\", \"party\": \"opposition\"}");
        createAccount("viewer", "{\"id\": \"viewer\", \"role\": \"viewer\", \"operations\": [\"test-op\"]}");

        // One observation alone, unsigned, without salt or digest: the server makes both.
        ObjectNode single = Observations.detention("c1", 2);
        ArrayNode singleList = RunningServer.JSON.createArrayNode();
        singleList.addObject().put("name", "Ahmad Haddad").put("age", 34).put("sex", "m");
        singleList.addObject().put("name", "فاطمة الزهراء").put("sex", "f");
        single.putObject("persons").set("list", singleList);
        assertThat(post("monitor", single).statusCode()).isEqualTo(201);
        // Sent again as it was: a duplicate, since the salt the server gives it is the same each time.
        assertThat(post("monitor", single).statusCode()).isEqualTo(200);
        // The same id with other persons is a conflict, and the answer names no one.
        ObjectNode conflicting = single.deepCopy();
        ((ObjectNode) conflicting.get("persons")).putArray("list").addObject().put("name", "Conflict Name");
        HttpResponse<String> conflict = post("monitor", conflicting);
        OperationsApiTest.assertProblem(conflict, 409);

        // A batch: persons with the sender's own salt and digest, one of which does not match.
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 7 + 1);
        }
        ObjectNode yusuf = withPersons(
                Observations.detention("c2", 1), salt, "[{\"age\":41,\"name\":\"Yusuf Kassem\",\"sex\":\"m\"}]");
        ObjectNode mariam = withPersons(
                Observations.detention("c3", 1), salt, "[{\"age\":9,\"name\":\"Mariam Saleh\",\"sex\":\"f\"}]");
        ObjectNode refused = withPersons(
                Observations.detention("c4", 1), salt, "[{\"age\":50,\"name\":\"Refused Name\",\"sex\":\"m\"}]");
        ((ObjectNode) refused.get("persons").get("list").get(0)).put("age", 51);
        ArrayNode batch =
                RunningServer.JSON.createArrayNode().add(yusuf).add(mariam).add(refused);
        HttpResponse<String> batchResponse = post("monitor", batch);
        JsonNode results = RunningServer.json(batchResponse).get("results");
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asText()));
        assertThat(statuses).containsExactly("created", "created", "invalid");
        assertThat(results.get(2).get("problem").get("errors").findValuesAsText("field"))
                .containsExactly("persons");
        HttpResponse<String> refusedAlone = post("monitor", refused);
        OperationsApiTest.assertProblem(refusedAlone, 422);
        assertThat(RunningServer.json(refusedAlone).get("errors").findValuesAsText("field"))
                .containsExactly("persons");

        // From a file with corridor load, and signed by m2 with corridor sign.
        ObjectNode loaded = Observations.detention("c5", 1);
        loaded.putObject("persons").putArray("list").addObject().put("name", "Khaled Nasser");
        Path lines = directory.resolve("load.jsonl");
        Files.writeString(lines, loaded + "\n");
        String loadOutput = cli("load", operationFile.toString(), lines.toString(), "--db", storeUrl());
        assertThat(loadOutput).contains("line 1: created");
        ObjectNode toSign = Observations.detention("c6", 1).put("monitor", "m2");
        toSign.putObject("persons").putArray("list").addObject().put("name", "Layla Odeh");
        Path unsigned = directory.resolve("unsigned.jsonl");
        Files.writeString(unsigned, toSign + "\n");
        Path signedFile = directory.resolve("signed.jsonl");
        cli(
                "sign",
                "--key",
                directory.resolve("m2.key").toString(),
                "--out",
                signedFile.toString(),
                unsigned.toString());
        JsonNode signed = RunningServer.JSON.readTree(Files.readString(signedFile));
        assertThat(signed.has("signature")).isTrue();
        assertThat(post("monitor", signed).statusCode()).isEqualTo(201);

        // When every role reads everything it may, and the bundle is exported.
        String op = "/api/operations/test-op";
        List<String> ids = List.of(
                single.get("id").asText(),
                yusuf.get("id").asText(),
                mariam.get("id").asText(),
                loaded.get("id").asText(),
                signed.get("id").asText());
        for (String role : List.of("admin", "coordinator", "monitor", "liaison", "viewer")) {
            for (String path : List.of(
                    op,
                    op + "/tallies",
                    op + "/convoys",
                    op + "/observations?limit=1000",
                    op + "/log/checkpoint",
                    op + "/log/inclusion?index=0",
                    op + "/claims",
                    "/api/operations",
                    "/api/me")) {
                get(role, path);
            }
        }
        Map<String, JsonNode> readBack = new LinkedHashMap<>();
        for (String id : ids) {
            for (String role : List.of("admin", "coordinator")) {
                HttpResponse<String> read = send(
                        role,
                        HttpRequest.newBuilder(api.uri(op + "/observations/" + id + "/persons"))
                                .GET());
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
                readBack.put(id, RunningServer.json(read));
            }
            for (String role : List.of("monitor", "liaison", "viewer")) {
                OperationsApiTest.assertProblem(get(role, op + "/observations/" + id + "/persons"), 403);
            }
        }
        HttpResponse<String> anonymous =
                api.send(HttpRequest.newBuilder(api.uri(op + "/observations/" + ids.getFirst() + "/persons"))
                        .header("Authorization", "None")
                        .GET());
        responses.add(anonymous.headers().map() + anonymous.body());
        OperationsApiTest.assertProblem(anonymous, 401);
        Path bundle = directory.resolve("bundle.zip");
        cli("export", "test-op", "--out", bundle.toString(), "--db", storeUrl());
        // The bundle still verifies: m2 signed the observation with its digest, and the persons were never in it.
        assertThat(cli("verify", bundle.toString())).contains("1 signatures verified");

        // Then the admin and the coordinator read back exactly what was sent, under the digest the log carries.
        Map<String, String> digests = new LinkedHashMap<>();
        RunningServer.json(get("admin", op + "/observations?limit=1000"))
                .forEach(item -> digests.put(
                        item.get("id").asText(), item.path("personsDigest").asText(null)));
        assertThat(readBack.get(ids.get(0)).get("list")).isEqualTo(singleList);
        assertThat(readBack.get(ids.get(1))).isEqualTo(yusuf.get("persons"));
        assertThat(readBack.get(ids.get(2))).isEqualTo(mariam.get("persons"));
        assertThat(readBack.get(ids.get(3)).get("list"))
                .isEqualTo(loaded.get("persons").get("list"));
        assertThat(readBack.get(ids.get(4))).isEqualTo(signed.get("persons"));
        for (String id : ids) {
            JsonNode persons = readBack.get(id);
            assertThat(digests.get(id))
                    .as("the digest of " + id)
                    .isEqualTo(digest(
                            Base64.getUrlDecoder().decode(persons.get("salt").asText()),
                            org.corridor.integrity.Jcs.canonicalize(persons.get("list"))));
        }
        assertThat(digests.get(ids.get(1))).isEqualTo(yusuf.get("personsDigest").asText());

        // And every read of personal data, refused ones too, is in the audit trail, which names no one.
        JsonNode audit = RunningServer.json(get("admin", "/api/audit?limit=1000"));
        List<JsonNode> reads = new ArrayList<>();
        audit.forEach(event -> {
            if (event.get("kind").asText().equals("persons.read")) {
                reads.add(event);
            }
        });
        assertThat(reads).hasSize(ids.size() * 5 + 1);
        assertThat(reads.stream().filter(e -> e.get("detail").asText().startsWith("shown")))
                .hasSize(ids.size() * 2);
        assertThat(reads.stream().filter(e -> e.get("detail").asText().equals("refused 403")))
                .hasSize(ids.size() * 3)
                .allSatisfy(e -> assertThat(e.get("actor").asText()).isIn("mon", "liaison", "viewer"));
        assertThat(reads.stream().filter(e -> e.get("detail").asText().equals("refused 401")))
                .hasSize(1);
        assertThat(reads.stream().map(e -> e.get("subject").asText()).distinct())
                .containsExactlyInAnyOrderElementsOf(ids);

        // And no name is anywhere else.
        List<String> leaves = new ArrayList<>();
        for (StoredEntry entry : api.ledger.read("test-op", 0, 1000)) {
            leaves.add(entry.body());
        }
        assertThat(leaves).hasSize(5).allSatisfy(leaf -> assertThat(leaf).contains("personsDigest"));
        assertNoName("the log's leaves", String.join("\n", leaves));
        assertNoName("the exported bundle", zipText(bundle));
        assertNoName("the responses", String.join("\n", responses));
        assertNoName("the server's log output", String.join("\n", logged));
        assertThat(logged).isNotEmpty();
        if (RunningServer.onSqlite()) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = directory.resolve("corridor.db" + suffix);
                if (Files.exists(file)) {
                    assertNoName(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void changedCiphertext_isRefusedAtRead_withoutShowingAnything() throws Exception {
        api.defineTestOperation();
        ObjectNode observation = Observations.detention("c1", 1);
        observation.putObject("persons").putArray("list").addObject().put("name", "Tampered Name");
        assertThat(api.postJson("/api/operations/test-op/observations", observation)
                        .statusCode())
                .isEqualTo(201);
        String id = observation.get("id").asText();
        String path = "/api/operations/test-op/observations/" + id + "/persons";
        assertThat(api.get(path).statusCode()).isEqualTo(200);

        // Someone with the database file flips one bit of the ciphertext (rows are never updated: replaced here).
        try (Connection sql = DriverManager.getConnection(storeUrl())) {
            String nonce;
            byte[] sealed;
            String digest;
            String keyId;
            try (PreparedStatement select = sql.prepareStatement(
                    "SELECT digest, key_id, nonce, sealed FROM persons WHERE observation_id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    digest = row.getString(1);
                    keyId = row.getString(2);
                    nonce = row.getString(3);
                    sealed = Base64.getDecoder().decode(row.getString(4));
                }
            }
            sealed[sealed.length / 2] ^= 1;
            try (PreparedStatement delete = sql.prepareStatement("DELETE FROM persons WHERE observation_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = sql.prepareStatement(
                    "INSERT INTO persons (operation_id, observation_id, digest, key_id, nonce, sealed, stored_at)"
                            + " VALUES ('test-op', ?, ?, ?, ?, ?, '2016-12-20T10:00:00Z')")) {
                insert.setString(1, id);
                insert.setString(2, digest);
                insert.setString(3, keyId);
                insert.setString(4, nonce);
                insert.setString(5, Base64.getEncoder().encodeToString(sealed));
                insert.executeUpdate();
            }
        }

        HttpResponse<String> tampered = api.get(path);

        OperationsApiTest.assertProblem(tampered, 500);
        assertThat(RunningServer.json(tampered).get("type").asText()).endsWith("personal-data-unreadable");
        assertThat(RunningServer.json(tampered).get("detail").asText())
                .contains(id)
                .contains("changed outside Corridor");
        assertNoName("the refusal", tampered.body());
        assertNoName("the server's log output", String.join("\n", logged));
        assertThat(RunningServer.json(api.get("/api/audit?limit=1000")).toString())
                .contains("\"detail\":\"unreadable\"");
    }

    @Test
    void wrongKey_isRefusedAtRead_namingTheKeys() {
        api.defineTestOperation();
        ObjectNode observation = Observations.detention("c1", 1);
        observation.putObject("persons").putArray("list").addObject().put("name", "Tampered Name");
        assertThat(api.postJson("/api/operations/test-op/observations", observation)
                        .statusCode())
                .isEqualTo(201);
        String path =
                "/api/operations/test-op/observations/" + observation.get("id").asText() + "/persons";
        PersonsVault other = PersonsVault.parse(PersonsVault.newKeyText());
        api.service.keepPersonsWith(other);
        try {
            HttpResponse<String> refused = api.get(path);

            OperationsApiTest.assertProblem(refused, 500);
            assertThat(RunningServer.json(refused).get("detail").asText())
                    .contains(RunningServer.PERSONS.keyId())
                    .contains(other.keyId())
                    .contains("persons.key");
            assertNoName("the refusal", refused.body());
        } finally {
            api.service.keepPersonsWith(RunningServer.PERSONS);
        }
        assertThat(api.get(path).body()).contains("Tampered Name");
    }

    @Test
    void personsThatAreNotWellFormed_areRefusedNamingTheField_withoutRepeatingIt() {
        api.defineTestOperation();
        ObjectNode observation = Observations.detention("c1", 1);
        ObjectNode persons = observation.putObject("persons");
        persons.put("salt", "short");
        ArrayNode list = persons.putArray("list");
        list.addObject().put("name", "Refused Name").put("age", -3).put("sex", "q");
        list.addObject().put("Refused Name", 1).put("name", "");
        observation.put("personsDigest", "not a digest");

        HttpResponse<String> response = api.postJson("/api/operations/test-op/observations", observation);

        OperationsApiTest.assertProblem(response, 422);
        assertThat(RunningServer.json(response).get("errors").findValuesAsText("field"))
                .contains(
                        "personsDigest",
                        "persons.salt",
                        "persons.list[0].age",
                        "persons.list[0].sex",
                        "persons.list[1].?",
                        "persons.list[1].name");
        assertNoName("the refusal", response.body());
        assertThat(api.service.size("test-op")).isZero();
    }

    @Test
    void signedObservationWithPersonsButNoDigest_isRefused() throws Exception {
        api.defineTestOperation();
        ObjectNode observation = Observations.detention("c1", 1).put("signature", "c2lnbmF0dXJl");
        observation.putObject("persons").putArray("list").addObject().put("name", "Refused Name");

        HttpResponse<String> response = api.postJson("/api/operations/test-op/observations", observation);

        OperationsApiTest.assertProblem(response, 422);
        assertThat(RunningServer.json(response).get("errors").findValuesAsText("field"))
                .contains("personsDigest");
        assertThat(api.service.size("test-op")).isZero();
    }

    // ---- helpers ----

    private static ObjectNode withPersons(ObjectNode observation, byte[] salt, String canonicalList) {
        try {
            ObjectNode persons = observation.putObject("persons");
            persons.put("salt", Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
            persons.set("list", RunningServer.JSON.readTree(canonicalList));
            observation.put("personsDigest", digest(salt, canonicalList.getBytes(StandardCharsets.UTF_8)));
            return observation;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The digest as the contract defines it, computed here without Corridor's code. */
    private static String digest(byte[] salt, byte[] canonicalList) throws RuntimeException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest(canonicalList));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoName(String where, String text) {
        for (String name : NAMES) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT))
                    .as(where + " must not hold a name")
                    .doesNotContain(name.toLowerCase(java.util.Locale.ROOT));
            String utf8AsLatin1 = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertThat(text).as(where + " must not hold a name's bytes").doesNotContain(utf8AsLatin1);
            assertThat(text).as(where + " must not hold a name's JSON escapes").doesNotContain(escaped(name));
        }
    }

    private static String escaped(String name) {
        StringBuilder out = new StringBuilder();
        name.chars()
                .forEach(c -> out.append(
                        c < 128
                                ? String.valueOf((char) c)
                                : "\\u" + HexFormat.of().toHexDigits((char) c)));
        return out.toString();
    }

    private static String zipText(Path bundle) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                text.append(entry.getName()).append('\n');
                text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(text).contains("observations.jsonl").contains("personsDigest");
        return text.toString();
    }

    private String storeUrl() {
        return RunningServer.storeUrl(directory);
    }

    /** Runs a command of the command line with the test server's persons key; its output, also searched for names. */
    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(
                Ledgers::open,
                Ledgers::accessStore,
                InstantSource.system(),
                Map.of("CORRIDOR_PERSONS_KEY", RunningServer.PERSONS_KEY));
        int exit = Commands.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        responses.add(out + "\n" + err);
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    private void createAccount(String role, String request) {
        HttpResponse<String> response = api.postJson("/api/users", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        tokens.put(role, RunningServer.json(response).get("token").asText());
    }

    private HttpResponse<String> post(String role, JsonNode body) {
        return send(
                role,
                HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String role, String path) {
        return send(role, HttpRequest.newBuilder(api.uri(path)).GET());
    }

    /** Sends as the role (admin: the bootstrap token); every answer is kept to be searched. */
    private HttpResponse<String> send(String role, HttpRequest.Builder request) {
        if (!role.equals("admin")) {
            request.header("Authorization", "Bearer " + tokens.get(role));
        }
        HttpResponse<String> response = api.send(request);
        boolean namesAllowed = (role.equals("admin") || role.equals("coordinator"))
                && response.uri().getPath().endsWith("/persons");
        if (!namesAllowed) {
            responses.add(response.headers().map() + "\n" + response.body());
        }
        return response;
    }
}
