package org.corridor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.corridor.integrity.Ed25519;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Signatures;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.Tallies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart from a tally snapshot gives the numbers a full replay gives, and a snapshot that does not fit is ignored. */
class TallySnapshotsTest {
    private static final String OPERATION = DemoOperation.ID;
    private static final InstantSource CLOCK = DemoOperation.CLOCK;
    private static final Instant END = DemoOperation.END;

    @TempDir
    Path directory;

    private List<JsonNode> observations;
    private byte[] definition;

    @BeforeEach
    void readDemo() {
        definition = DemoOperation.definition();
        observations = DemoOperation.observations();
    }

    @Test
    void restart_fromSnapshotAndTheLedgerAfterIt_givesTheFullReplaysNumbers() {
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Path snapshots = directory.resolve("snapshots");
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService service = CorridorService.start(ledger, CLOCK, snapshots);
            service.defineOperation(definition, "application/yaml");
            observations.subList(0, 30).forEach(o -> service.record(OPERATION, o));
            service.saveSnapshots();
            observations.subList(30, observations.size()).forEach(o -> service.record(OPERATION, o));
        }
        assertThat(snapshots.resolve(OPERATION + ".tally")).isRegularFile();

        assertThat(restoredUpTo(url, snapshots)).isEqualTo(30);
        assertThat(tallies(url, snapshots)).isEqualTo(tallies(url, null));
        assertThat(tallies(url, snapshots).evacuated()).isPositive();
    }

    @Test
    void restart_fromSnapshot_givesTheSameSignedOnlyFiguresAsAFullReplay() {
        Ed25519.KeyPair key = Ed25519.KeyPair.fromSeed(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        byte[] signedDefinition = new String(definition, StandardCharsets.UTF_8)
                .replaceAll(
                        "(id: (m-icrc-01|m-icrc-02|m-sarc-01),.*organisation: [A-Z]+)\\}",
                        "$1, publicKey: \"" + key.publicKey().base64() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<JsonNode> signed = observations.stream()
                .map(o -> List.of("m-icrc-01", "m-icrc-02", "m-sarc-01")
                                .contains(o.get("monitor").asText())
                        ? (JsonNode) Signatures.sign(o, key)
                        : o)
                .toList();
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Path snapshots = directory.resolve("snapshots");
        Tallies before;
        List<ConvoyRow> boardBefore;
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService service = CorridorService.start(ledger, CLOCK, snapshots);
            service.defineOperation(signedDefinition, "application/yaml");
            signed.subList(0, 30).forEach(o -> service.record(OPERATION, o));
            service.saveSnapshots();
            signed.subList(30, signed.size()).forEach(o -> service.record(OPERATION, o));
            before = service.signedTallies(OPERATION, END);
            boardBefore = service.convoyBoard(OPERATION, END);
        }

        assertThat(restoredUpTo(url, snapshots)).isEqualTo(30);
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService restarted = CorridorService.start(ledger, CLOCK, snapshots);
            assertThat(restarted.signedTallies(OPERATION, END)).isEqualTo(before);
            assertThat(restarted.convoyBoard(OPERATION, END)).isEqualTo(boardBefore);
        }
        try (Ledger ledger = Ledgers.open(url)) {
            assertThat(CorridorService.start(ledger, CLOCK, null).signedTallies(OPERATION, END))
                    .isEqualTo(before);
        }
        assertThat(before.departed()).isPositive().isLessThan(tallies(url, null).departed());
        assertThat(boardBefore).extracting(ConvoyRow::signed).contains(true, false);
    }

    @Test
    void snapshotOfAnotherStore_isIgnored() throws IOException {
        String first = "jdbc:sqlite:" + directory.resolve("first.db");
        String second = "jdbc:sqlite:" + directory.resolve("second.db");
        Path snapshots = directory.resolve("snapshots");
        try (Ledger ledger = Ledgers.open(first)) {
            CorridorService service = CorridorService.start(ledger, CLOCK, snapshots);
            service.defineOperation(definition, "application/yaml");
            observations.forEach(o -> service.record(OPERATION, o));
            service.saveSnapshots();
        }
        try (Ledger ledger = Ledgers.open(second)) {
            CorridorService service = CorridorService.start(ledger, CLOCK, null);
            service.defineOperation(definition, "application/yaml");
            observations.subList(0, 10).forEach(o -> service.record(OPERATION, o));
        }

        assertThat(restoredUpTo(second, snapshots)).isZero();
        assertThat(tallies(second, snapshots)).isEqualTo(tallies(second, null));
    }

    @Test
    void observationsAnotherProcessStored_areNotHiddenByASnapshot() {
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Path snapshots = directory.resolve("snapshots");
        try (Ledger server = Ledgers.open(url);
                Ledger otherProcess = Ledgers.open(url)) {
            CorridorService running = CorridorService.start(server, CLOCK, snapshots);
            running.defineOperation(definition, "application/yaml");
            observations.subList(0, 20).forEach(o -> running.record(OPERATION, o));
            CorridorService loader = CorridorService.start(otherProcess, CLOCK, null);
            observations.subList(20, 40).forEach(o -> loader.record(OPERATION, o));
            observations.subList(40, observations.size()).forEach(o -> running.record(OPERATION, o));
            running.saveSnapshots();
        }

        assertThat(tallies(url, snapshots)).isEqualTo(tallies(url, null));
    }

    @Test
    void followStore_countsWhatAnotherProcessStored_once() {
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        try (Ledger server = Ledgers.open(url);
                Ledger otherProcess = Ledgers.open(url)) {
            CorridorService running = CorridorService.start(server, CLOCK, null);
            running.defineOperation(definition, "application/yaml");
            observations.subList(0, 20).forEach(o -> running.record(OPERATION, o));
            CorridorService loader = CorridorService.start(otherProcess, CLOCK, null);
            observations.subList(20, 40).forEach(o -> loader.record(OPERATION, o));
            observations.subList(40, observations.size()).forEach(o -> running.record(OPERATION, o));
            java.util.List<String> told = new ArrayList<>();
            running.onChange(told::add);

            running.followStore();
            running.followStore();

            assertThat(running.tallies(OPERATION, END)).isEqualTo(tallies(url, null));
            assertThat(told).containsExactly(OPERATION);
        }
    }

    @Test
    void followStore_takesUpADefinitionAnotherProcessReplaced_once() throws IOException {
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        try (Ledger server = Ledgers.open(url);
                Ledger otherProcess = Ledgers.open(url)) {
            CorridorService running = CorridorService.start(server, CLOCK, null);
            running.defineOperation(definition, "application/yaml");
            running.followStore();
            java.util.List<String> told = new ArrayList<>();
            running.onChange(told::add);
            String renamed = new String(definition, java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("(?m)^name:.*$", "name: {en: \"Renamed by another process\"}");
            assertThat(renamed).isNotEqualTo(new String(definition, java.nio.charset.StandardCharsets.UTF_8));

            running.followStore();
            assertThat(told).isEmpty();
            CorridorService.start(otherProcess, CLOCK, null)
                    .defineOperation(renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/yaml");
            running.followStore();
            running.followStore();

            assertThat(running.operation(OPERATION).name().en()).isEqualTo("Renamed by another process");
            assertThat(told).containsExactly(OPERATION);
        }
    }

    @Test
    void damagedSnapshot_isIgnored() throws IOException {
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Path snapshots = directory.resolve("snapshots");
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService service = CorridorService.start(ledger, CLOCK, snapshots);
            service.defineOperation(definition, "application/yaml");
            observations.forEach(o -> service.record(OPERATION, o));
            service.saveSnapshots();
        }
        Path file = snapshots.resolve(OPERATION + ".tally");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(restoredUpTo(url, snapshots)).isZero();
        assertThat(tallies(url, snapshots)).isEqualTo(tallies(url, null));
    }

    private static long restoredUpTo(String url, Path snapshots) {
        try (Ledger ledger = Ledgers.open(url)) {
            return CorridorService.start(ledger, CLOCK, snapshots).restoredFromSnapshot(OPERATION);
        }
    }

    private static Tallies tallies(String url, Path snapshots) {
        try (Ledger ledger = Ledgers.open(url)) {
            return CorridorService.start(ledger, CLOCK, snapshots).tallies(OPERATION, END);
        }
    }
}
