package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.corridor.core.CorridorException;
import org.corridor.persons.PersonsVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The key personal data is sealed with: {@code CORRIDOR_PERSONS_KEY} (base64 of 32 bytes) when set, otherwise
 * {@code persons.key} beside the store, made on first start and readable by its owner only, as the server's signing
 * key is. Losing it loses the names, by design: nothing else can open them.
 */
final class PersonsKeys {
    static final String KEY_FILE = "persons.key";
    static final String VARIABLE = "CORRIDOR_PERSONS_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(PersonsKeys.class);

    private PersonsKeys() {}

    /** The vault of the key the environment names, or the one kept at {@code keptFile} (made when absent). */
    static PersonsVault open(CommandLine commandLine, Map<String, String> variables, Path keptFile) {
        String fromEnvironment = variables.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            try {
                return PersonsVault.parse(fromEnvironment);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        commandLine,
                        VARIABLE + ": " + e.getMessage() + ". Make one with: head -c 32 /dev/urandom | base64");
            }
        }
        return Files.exists(keptFile) ? read(commandLine, keptFile) : make(commandLine, keptFile);
    }

    private static PersonsVault read(CommandLine commandLine, Path file) {
        try {
            return PersonsVault.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParameterException(commandLine, "the persons key: cannot read " + file + " (" + e + ")");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    commandLine,
                    "the persons key: " + file + " is not one: " + e.getMessage() + ". Restore it from its backup;"
                            + " without it the stored names cannot be read");
        }
    }

    /** Makes a key and keeps it, readable by its owner only; a key made at the same moment by another process wins. */
    private static PersonsVault make(CommandLine commandLine, Path file) {
        String text = PersonsVault.newKeyText();
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".persons-key", ".tmp");
            try {
                KeyFiles.ownerOnly(temporary);
                Files.writeString(temporary, text + "\n", StandardOpenOption.SYNC);
                Files.createLink(file, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            return read(commandLine, file);
        } catch (IOException e) {
            throw new CorridorException(
                    "could not keep the persons key at " + file + ": " + e + ". Check that the directory is writable,"
                            + " or give a key in " + VARIABLE,
                    e);
        }
        PersonsVault vault = PersonsVault.parse(text);
        LOG.atInfo()
                .addKeyValue("file", file.toString())
                .addKeyValue("keyId", vault.keyId())
                .log("persons key made: back it up, without it the stored names cannot be read");
        return vault;
    }
}
