package org.corridor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.SignedNote;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Key files as keygen writes them and sign reads them, with messages that say what a wrong file is. */
final class KeyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {}

    /** The file beside a private key that holds its public key. */
    static Path publicFile(Path privateFile) {
        return privateFile.resolveSibling(privateFile.getFileName() + ".pub");
    }

    /** Writes a private key readable by its owner only (on file systems that have POSIX permissions). */
    static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Makes a file readable and writable by its owner only, whatever the umask did. A file system without POSIX
     * permissions (FAT on a USB stick, some Windows shares) has none to set: the file is left as it is.
     */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system; nothing to narrow
        }
    }

    /**
     * A monitor's key pair from a PEM PKCS#8 file, as keygen and {@code openssl genpkey -algorithm ed25519} write.
     *
     * @throws ParameterException saying what the file is instead, when it is not one
     */
    static Ed25519.KeyPair readMonitorKey(CommandLine commandLine, String option, Path file) {
        String text = read(commandLine, option, file);
        try {
            return Ed25519.fromPkcs8Pem(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, option + ": " + file + " " + whatItIs(text, e));
        }
    }

    private static String whatItIs(String text, IllegalArgumentException failure) {
        if (text.strip().startsWith("PRIVATE+KEY+")) {
            return "holds a server's signed-note key (made with keygen --note); observations are signed with a "
                    + "monitor's key: make one with corridor keygen --out FILE";
        }
        if (isPublicKey(text.strip())) {
            return "holds a public key; sign with the private key, the file keygen wrote beside it without .pub";
        }
        return "is not a monitor's private key (Ed25519 in PEM PKCS#8, as corridor keygen or openssl genpkey "
                + "-algorithm ed25519 write): " + failure.getMessage();
    }

    private static boolean isPublicKey(String text) {
        try {
            SignedNote.Verifier.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            try {
                Ed25519.PublicKey.ofBase64(text);
                return true;
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
    }

    private static String read(CommandLine commandLine, String option, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ParameterException(commandLine, option + ": cannot read the file " + file);
        }
    }

    /** Refuses to replace an existing key unless asked to: a key lost by accident cannot be made again. */
    static void checkFree(CommandLine commandLine, Path file, boolean force) {
        if (force) {
            return;
        }
        for (Path existing : new Path[] {file, publicFile(file)}) {
            if (Files.exists(existing)) {
                throw new ParameterException(
                        commandLine,
                        "--out: " + existing + " already exists; choose another FILE, or pass --force to replace it "
                                + "(the key it holds is then lost)",
                        new FileAlreadyExistsException(existing.toString()));
            }
        }
    }
}
