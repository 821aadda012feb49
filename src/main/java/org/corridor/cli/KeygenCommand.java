package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code corridor keygen}: makes a monitor's signing key pair, or a server's signed-note key. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Make a monitor's key pair for signing observations (Ed25519).",
            "FILE gets the private key (PEM PKCS#8, readable by its owner only), FILE.pub the public key (base64",
            "of its 32 bytes), and the output the publicKey line to give the monitor in the operation file.",
            "With --note NAME, make a server's signed-note key instead (for its checkpoints): FILE gets the",
            "private key, FILE.pub and the output its verifier key (NAME+KEYID+BASE64).",
            "An existing FILE or FILE.pub is never replaced without --force."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor keygen --out m-un-01.key",
            "  corridor keygen --note corridor.example.org --out server.key"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the private key.")
    Path out;

    @Option(
            names = "--note",
            paramLabel = "NAME",
            description = "Make a server's signed-note key named NAME (such as its host name) instead.")
    String noteName;

    @Option(names = "--force", description = "Replace FILE and FILE.pub if they exist.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        KeyFiles.checkFree(spec.commandLine(), out, force);
        String publicText = noteName == null ? monitorKey() : noteKey();
        Files.writeString(KeyFiles.publicFile(out), publicText + "\n", StandardCharsets.UTF_8);
        spec.commandLine()
                .getErr()
                .println("wrote the private key to " + out + " (keep it secret) and the public key to "
                        + KeyFiles.publicFile(out));
        return ExitCodes.OK;
    }

    private String monitorKey() throws IOException {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        KeyFiles.writePrivate(out, Ed25519.pkcs8Pem(key));
        spec.commandLine().getOut().println("publicKey: \"" + key.publicKey().base64() + "\"");
        return key.publicKey().base64();
    }

    private String noteKey() throws IOException {
        SignedNote.Signer signer;
        try {
            signer = SignedNote.Signer.generate(noteName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--note: " + e.getMessage());
        }
        KeyFiles.writePrivate(out, signer.privateKeyText() + "\n");
        spec.commandLine().getOut().println(signer.verifier().text());
        return signer.verifier().text();
    }
}
