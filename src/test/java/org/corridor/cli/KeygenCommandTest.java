package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path directory;

    @Test
    void keygen_writesThePrivateKeyForItsOwnerOnly_andPrintsThePublicKeyLine() throws IOException {
        Path key = directory.resolve("m1.key");

        Cli.Run run = Cli.run("keygen", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        Ed25519.KeyPair pair = Ed25519.fromPkcs8Pem(Files.readString(key));
        assertThat(run.out()).isEqualTo("publicKey: \"" + pair.publicKey().base64() + "\"\n");
        assertThat(Files.readString(directory.resolve("m1.key.pub")))
                .isEqualTo(pair.publicKey().base64() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void keygen_neverReplacesAKey_unlessForced() throws IOException {
        Path key = directory.resolve("m1.key");
        Cli.run("keygen", "--out", key.toString());
        String first = Files.readString(key);

        Cli.Run again = Cli.run("keygen", "--out", key.toString());
        String kept = Files.readString(key);
        Cli.Run forced = Cli.run("keygen", "--out", key.toString(), "--force");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("--out: " + key + " already exists; choose another FILE, or pass --force");
        assertThat(kept).isEqualTo(first);
        assertThat(forced.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(key)).isNotEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void keygen_note_makesASignedNoteKeyAndPrintsItsVerifierKey() throws IOException {
        Path key = directory.resolve("server.key");

        Cli.Run run = Cli.run("keygen", "--note", "corridor.example.org", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        SignedNote.Signer signer = SignedNote.Signer.parse(Files.readString(key));
        assertThat(run.out()).isEqualTo(signer.verifier().text() + "\n");
        assertThat(run.out()).startsWith("corridor.example.org+");
        assertThat(SignedNote.Verifier.parse(run.out().strip())).isEqualTo(signer.verifier());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void keygen_noteWithABadName_isAUsageErrorAndWritesNothing() {
        Path key = directory.resolve("server.key");

        Cli.Run run = Cli.run("keygen", "--note", "a name+with plus", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--note: ");
        assertThat(key).doesNotExist();
    }
}
