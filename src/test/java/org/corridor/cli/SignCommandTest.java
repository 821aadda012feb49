package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.corridor.integrity.Jcs;
import org.corridor.integrity.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void sign_writesOneCanonicalSignedLinePerObservation() {
        Cli.Run run = Cli.run(
                "sign",
                "--key",
                Cli.fixture(directory, "monitor.key").toString(),
                Cli.fixture(directory, "valid-observations.jsonl").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Cli.assertMatchesExpected(run.out(), "sign-valid.jsonl");
        assertThat(run.err()).isEqualTo("signed 3 observations\n");
    }

    @Test
    void sign_output_verifiesWithTheJdksOwnEd25519() throws Exception {
        Cli.Run run = Cli.run(
                "sign",
                "--key",
                Cli.fixture(directory, "monitor.key").toString(),
                Cli.fixture(directory, "valid-observations.jsonl").toString());
        byte[] raw = Base64.getDecoder().decode("C7w0aldmfDgBIL2cf9flHSxf3+o3zS9b9AWyxr9vLXg=");
        byte[] spki = HexFormat.of()
                .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));

        for (String line : run.out().split("\n")) {
            ObjectNode observation = (ObjectNode) JSON.readTree(line);
            byte[] signature =
                    Base64.getDecoder().decode(observation.remove("signature").asText());
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(Jcs.canonicalize(observation));
            assertThat(verifier.verify(signature)).as(line).isTrue();
        }
    }

    @Test
    void sign_fromTheInput_whenTheFileIsDash() throws IOException {
        Path key = Cli.fixture(directory, "monitor.key");
        java.io.InputStream input = System.in;
        Cli.Run run;
        try {
            System.setIn(Files.newInputStream(Cli.fixture(directory, "valid-observations.jsonl")));
            run = Cli.run("sign", "--key", key.toString(), "-");
        } finally {
            System.setIn(input);
        }

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Cli.assertMatchesExpected(run.out(), "sign-valid.jsonl");
    }

    @Test
    void sign_again_replacesTheSignatureWithTheSameOne() throws IOException {
        Path key = Cli.fixture(directory, "monitor.key");
        Path once = directory.resolve("once.jsonl");
        Path twice = directory.resolve("twice.jsonl");
        Cli.run(
                "sign",
                "--key",
                key.toString(),
                "--out",
                once.toString(),
                Cli.fixture(directory, "valid-observations.jsonl").toString());

        Cli.Run run = Cli.run("sign", "--key", key.toString(), "--out", twice.toString(), once.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(twice)).isEqualTo(Files.readString(once));
    }

    @Test
    void sign_badLines_areNamedAndNothingIsWritten() throws IOException {
        Path bad = directory.resolve("bad.jsonl");
        Files.writeString(bad, """
                {"id":"00000000-0000-4000-8000-000000000001","monitor":"m1"}

                {"id": "x",
                [1, 2]
                {"id":"00000000-0000-4000-8000-000000000002","note":"\\ud800 half a pair"}
                """);
        Path out = directory.resolve("signed.jsonl");

        Cli.Run run = Cli.run(
                "sign",
                "--key",
                Cli.fixture(directory, "monitor.key").toString(),
                "--out",
                out.toString(),
                bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        Cli.assertMatchesExpected(run.err(), "sign-bad-lines.txt");
        assertThat(out).doesNotExist();
        assertThat(directory).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void sign_withAKeyFileOfTheWrongKind_saysWhatItIs() throws IOException {
        Path observations = Cli.fixture(directory, "valid-observations.jsonl");
        Path publicKey = directory.resolve("m1.key.pub");
        Files.writeString(publicKey, "C7w0aldmfDgBIL2cf9flHSxf3+o3zS9b9AWyxr9vLXg=\n");
        Path noteKey = directory.resolve("server.key");
        Files.writeString(
                noteKey, SignedNote.Signer.generate("corridor.example.org").privateKeyText() + "\n");
        Path garbage = directory.resolve("garbage.key");
        Files.writeString(garbage, "hello\n");

        Cli.Run withPublic = Cli.run("sign", "--key", publicKey.toString(), observations.toString());
        Cli.Run withNote = Cli.run("sign", "--key", noteKey.toString(), observations.toString());
        Cli.Run withGarbage = Cli.run("sign", "--key", garbage.toString(), observations.toString());

        assertThat(withPublic.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withPublic.err()).contains("--key: " + publicKey + " holds a public key; sign with the private key");
        assertThat(withNote.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withNote.err()).contains("holds a server's signed-note key (made with keygen --note)");
        assertThat(withGarbage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withGarbage.err()).contains("is not a monitor's private key (Ed25519 in PEM PKCS#8");
    }
}
