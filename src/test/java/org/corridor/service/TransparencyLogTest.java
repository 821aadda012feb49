package org.corridor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.corridor.core.IntegrityException;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.References;
import org.corridor.ledger.jdbc.Ledgers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints over a real store: signed, kept, and never inconsistent with one another, across restarts too. */
class TransparencyLogTest {
    private static final String OP = "restarts";
    private static final References NONE = References.none();

    @TempDir
    Path directory;

    private final String keyText = SignedNote.Signer.generate("corridor").privateKeyText();
    private int appended;

    private Ledger open(Path file) {
        return Ledgers.open("jdbc:sqlite:" + file);
    }

    private TransparencyLog log(Ledger ledger) {
        return new TransparencyLog(ledger, SignedNote.Signer.parse(keyText), "corridor", directory.resolve("memory"));
    }

    private void append(Ledger ledger, int count) {
        List<NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(0, ++appended);
            entries.add(new NewEntry(
                    id, "t", "2016-12-19T06:10:00Z", "{\"id\":\"" + id + "\",\"n\":" + appended + "}", NONE));
        }
        ledger.append(OP, entries);
    }

    @Test
    void checkpoints_stayConsistent_acrossAHundredRestartsWithAppendsBetween() {
        Path file = directory.resolve("corridor.db");
        try (Ledger ledger = open(file)) {
            ledger.putOperation(OP, "{}", NONE);
        }
        Random random = new Random(6962);
        List<Checkpoint> seen = new ArrayList<>();
        SignedNote.Verifier verifier = SignedNote.Signer.parse(keyText).verifier();
        for (int restart = 0; restart < 100; restart++) {
            try (Ledger ledger = open(file)) {
                TransparencyLog log = log(ledger);
                append(ledger, random.nextInt(6));
                Checkpoint checkpoint = Checkpoint.parse(verifier.open(log.checkpoint(OP)));
                assertThat(checkpoint.size()).isEqualTo(appended);
                assertThat(log.verifierKey()).isEqualTo(verifier.text());
                if (!seen.isEmpty()) {
                    Checkpoint previous = seen.getLast();
                    assertThat(checkpoint.size()).isGreaterThanOrEqualTo(previous.size());
                    if (previous.size() > 0) {
                        var proof = log.consistency(OP, previous.size(), checkpoint.size());
                        assertThat(MerkleLog.verifyConsistency(
                                        previous.size(),
                                        checkpoint.size(),
                                        previous.root(),
                                        checkpoint.root(),
                                        proof.proof()))
                                .as("restart %d: %d to %d", restart, previous.size(), checkpoint.size())
                                .isTrue();
                    }
                }
                seen.add(checkpoint);
            }
        }
        Checkpoint first = seen.stream().filter(c -> c.size() > 0).findFirst().orElseThrow();
        try (Ledger ledger = open(file)) {
            var proof = log(ledger).consistency(OP, first.size(), seen.getLast().size());
            assertThat(MerkleLog.verifyConsistency(
                            first.size(),
                            seen.getLast().size(),
                            first.root(),
                            seen.getLast().root(),
                            proof.proof()))
                    .isTrue();
        }
    }

    @Test
    void aStoreRestoredFromAnOlderCopy_isRefusedASignature_evenThoughItsOwnRecordIsOlderToo() throws Exception {
        Path file = directory.resolve("corridor.db");
        Path backup = directory.resolve("backup.db");
        try (Ledger ledger = open(file)) {
            ledger.putOperation(OP, "{}", NONE);
            append(ledger, 5);
            log(ledger).checkpoint(OP);
        }
        Files.copy(file, backup);
        try (Ledger ledger = open(file)) {
            append(ledger, 3);
            log(ledger).checkpoint(OP);
        }
        Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(directory.resolve("corridor.db-wal"));
        Files.deleteIfExists(directory.resolve("corridor.db-shm"));

        try (Ledger ledger = open(file)) {
            assertThat(ledger.size(OP)).isEqualTo(5);
            TransparencyLog log = log(ledger);
            assertThatThrownBy(() -> log.checkpoint(OP))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("holds 5 observations, but a checkpoint of 8 was signed before");
            // Growing it again with other observations does not make it agree.
            appended = 100;
            append(ledger, 4);
            assertThatThrownBy(() -> log.checkpoint(OP))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("no longer matches the checkpoint of 8 observations");
        }
    }

    @Test
    void theRememberedCheckpoint_isTheLatestSignedNote() throws Exception {
        try (Ledger ledger = open(directory.resolve("corridor.db"))) {
            ledger.putOperation(OP, "{}", NONE);
            append(ledger, 2);
            String note = log(ledger).checkpoint(OP);
            String remembered =
                    Files.readString(directory.resolve("memory/" + OP + ".checkpoint"), StandardCharsets.UTF_8);
            assertThat(remembered).endsWith(note);
            assertThat(Set.of(remembered.split("\n", 2)[0]))
                    .containsExactly("corridor+"
                            + SignedNote.Signer.parse(keyText).verifier().keyIdHex());
        }
    }
}
