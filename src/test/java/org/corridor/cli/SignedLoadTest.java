package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.corridor.http.CorridorServer;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.service.CorridorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path of a signed observation: keygen, the key in the operation, sign, load, and the feed. */
class SignedLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void keygenThenSignThenLoad_storesEveryObservationSigned_andATamperedLineIsRefusedNamingSignature()
            throws Exception {
        String db = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Path operation = directory.resolve("test-op.yaml");
        String yaml = Files.readString(Cli.fixture(directory, "test-op.yaml"));
        for (String monitor : List.of("m1", "m2")) {
            Cli.Run keygen = Cli.run(
                    "keygen", "--out", directory.resolve(monitor + ".key").toString());
            yaml = yaml.replaceFirst(
                    "(\\{id: " + monitor + ", .*)}", "$1, " + keygen.out().strip() + "}");
        }
        Files.writeString(operation, yaml);
        Path signed = signEachMonitorsLines(Cli.fixture(directory, "valid-observations.jsonl"));

        Cli.Run load = Cli.run("load", operation.toString(), signed.toString(), "--db", db);

        assertThat(load.exitCode()).as(load.out() + load.err()).isEqualTo(ExitCodes.OK);
        assertThat(load.out()).contains("3 observations: 3 created");
        JsonNode feed = feed(db);
        assertThat(feed.findValuesAsText("signed")).containsExactly("true", "true", "true");

        Path tampered = directory.resolve("tampered.jsonl");
        String line = Files.readAllLines(signed).getFirst();
        Files.writeString(
                tampered,
                line.replace("\"people\":120", "\"people\":121").replace("000000000001", "000000000009") + "\n");
        Cli.Run refused = Cli.run("load", operation.toString(), tampered.toString(), "--db", db);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.out())
                .contains("line 1: invalid: signature: does not verify with the publicKey of monitor 'm1'");
        assertThat(feed(db).size()).isEqualTo(3);

        // The whole path: what was signed and loaded is exported, and verify checks every signature.
        Path bundle = directory.resolve("test-op.zip");
        Cli.Run export = Cli.run("export", "test-op", "--out", bundle.toString(), "--db", db);
        Cli.Run verify = Cli.run("verify", bundle.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out())
                .contains("2 with keys")
                .contains("3 signatures verified, 0 unsigned")
                .endsWith("verified: every check passed\n");
    }

    /** Signs each line with the key of its monitor (m1.key, m2.key), as each monitor's device would. */
    private Path signEachMonitorsLines(Path observations) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String monitor : List.of("m1", "m2")) {
            Path own = directory.resolve(monitor + ".jsonl");
            Files.write(
                    own,
                    Files.readAllLines(observations).stream()
                            .filter(line -> line.contains("\"monitor\":\"" + monitor + "\""))
                            .toList());
            Path signed = directory.resolve(monitor + ".signed.jsonl");
            Cli.Run sign = Cli.run(
                    "sign",
                    "--key",
                    directory.resolve(monitor + ".key").toString(),
                    "--out",
                    signed.toString(),
                    own.toString());
            assertThat(sign.exitCode()).as(sign.err()).isEqualTo(ExitCodes.OK);
            all.append(Files.readString(signed));
        }
        Path signed = directory.resolve("signed.jsonl");
        Files.writeString(signed, all);
        return signed;
    }

    private static JsonNode feed(String db) throws Exception {
        try (Ledger ledger = Ledgers.open(db);
                CorridorServer server = CorridorServer.start(
                        CorridorService.start(ledger, InstantSource.system()),
                        org.corridor.TestAccess.of(ledger),
                        new org.corridor.service.TransparencyLog(
                                ledger, org.corridor.integrity.SignedNote.Signer.generate("corridor"), "corridor"),
                        "127.0.0.1",
                        0);
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    org.corridor.TestAccess.asAdmin(HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + server.port() + "/api/operations/test-op/observations")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }
}
