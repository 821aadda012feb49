package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.corridor.core.CorridorException;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.service.TransparencyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The key the server signs its checkpoints with ({@code --key}, or the one kept beside the store, made on first
 * start) and the origin its checkpoints name ({@code --log-origin}).
 */
final class LogKeyOptions {
    static final String KEY_FILE = "server.key";
    /** Beside the key: each operation's latest checkpoint, remembered outside the store. */
    static final String CHECKPOINTS = "checkpoints";

    private static final Logger LOG = LoggerFactory.getLogger(LogKeyOptions.class);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            defaultValue = "${env:CORRIDOR_KEY}",
            description = {
                "The server's signed-note private key (env CORRIDOR_KEY), as corridor keygen --note NAME makes.",
                "Default: server.key beside the store, made on first start and kept"
            })
    Path key;

    @Option(
            names = "--log-origin",
            paramLabel = "PREFIX",
            defaultValue = "${env:CORRIDOR_LOG_ORIGIN:-corridor}",
            description =
                    "Checkpoints name their log PREFIX/OPERATION (env CORRIDOR_LOG_ORIGIN). Default: ${DEFAULT-VALUE}")
    String originPrefix;

    /** The log over {@code ledger}, signing with the key these options name or the one kept at {@code keptKey}. */
    TransparencyLog open(Ledger ledger, Path keptKey) {
        if (originPrefix == null
                || originPrefix.isBlank()
                || originPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new ParameterException(
                    spec.commandLine(), "--log-origin: '" + originPrefix + "' must be non-empty, without spaces");
        }
        return new TransparencyLog(ledger, signer(keptKey), originPrefix, keptKey.resolveSibling(CHECKPOINTS));
    }

    private SignedNote.Signer signer(Path keptKey) {
        if (key != null) {
            if (!Files.isRegularFile(key)) {
                throw new ParameterException(spec.commandLine(), "--key: no key file at " + key);
            }
            return read(key, "--key");
        }
        if (Files.exists(keptKey)) {
            return read(keptKey, "the kept server key");
        }
        return make(keptKey);
    }

    private SignedNote.Signer read(Path file, String what) {
        try {
            return SignedNote.Signer.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), what + ": cannot read " + file + " (" + e + ")");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    what + ": " + file + " is not a server key: " + e.getMessage()
                            + ". Make one with: corridor keygen --note NAME --out FILE");
        }
    }

    /** Makes the server's key and keeps it, readable by its owner only; a key made at the same moment wins. */
    private SignedNote.Signer make(Path file) {
        SignedNote.Signer signer = SignedNote.Signer.generate(keyName());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".server-key", ".tmp");
            try {
                KeyFiles.ownerOnly(temporary);
                Files.writeString(temporary, signer.privateKeyText() + "\n", StandardOpenOption.SYNC);
                Files.createLink(file, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            return read(file, "the kept server key");
        } catch (IOException e) {
            throw new CorridorException(
                    "could not keep the server key at " + file + ": " + e
                            + ". Check that the directory is writable, or bring a key with --key",
                    e);
        }
        LOG.atInfo()
                .addKeyValue("file", file.toString())
                .addKeyValue("key", signer.verifier().text())
                .log("server key made");
        return signer;
    }

    /** The name of a new key: the origin prefix, which is a valid key name once '+' is left out. */
    private String keyName() {
        return originPrefix.replace("+", "-");
    }
}
