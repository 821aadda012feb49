package org.corridor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.access.AccessStore;
import org.corridor.ledger.Ledger;
import org.corridor.service.CorridorService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the data lives: {@code --db} and {@code --data-dir}, checked before anything is opened. */
public final class StoreOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:CORRIDOR_DB}",
            description = {
                "The store (env CORRIDOR_DB), SQLite or PostgreSQL.",
                "Default: jdbc:sqlite:DATA_DIR/corridor.db (demo: demo.db)"
            })
    String db;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}",
            description = "Where the data is kept (env CORRIDOR_DATA_DIR). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    /** The JDBC URL to open, after checking that its directory can be written; a bad setting is named. */
    String jdbcUrl(String defaultFile) {
        if (db == null || db.isBlank()) {
            ensureWritable(dataDir, "--data-dir");
            return "jdbc:sqlite:" + dataDir.resolve(defaultFile);
        }
        if (!db.startsWith("jdbc:")) {
            throw new ParameterException(
                    spec.commandLine(), "--db: '" + db + "' is not a JDBC URL such as jdbc:sqlite:./data/corridor.db");
        }
        if (!db.startsWith("jdbc:sqlite:") && !db.startsWith("jdbc:postgresql:")) {
            // A setting this version cannot use is a usage error, not a store failure to retry. The URL is not
            // repeated, since a database URL may carry a password.
            throw new ParameterException(
                    spec.commandLine(),
                    "--db: Corridor stores in SQLite or PostgreSQL: use a jdbc:sqlite:PATH URL such as"
                            + " jdbc:sqlite:./data/corridor.db, or jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String file = sqliteFile(db);
        if (file != null) {
            ensureWritable(Path.of(file).toAbsolutePath().getParent(), "--db");
        }
        return db;
    }

    /**
     * An opened store, the service over it and the access tables beside it; closing it closes the store.
     *
     * @param keptKey where the server's signing key is kept for this store
     */
    record Opened(Ledger ledger, CorridorService service, AccessStore access, Path keptKey) implements AutoCloseable {
        @Override
        public void close() {
            ledger.close();
        }
    }

    /**
     * Opens the store these options name ({@code defaultFile} under the data directory when no --db is given) and
     * starts the service over it from the tally snapshots beside it, so that no command replays more of the ledger
     * than it must; personal data is sealed and opened with the persons key ({@link PersonsKeys}).
     */
    Opened open(Environment environment, String defaultFile) {
        String jdbcUrl = jdbcUrl(defaultFile);
        Ledger ledger = environment.ledgers().apply(jdbcUrl);
        try {
            CorridorService service = CorridorService.start(ledger, environment.clock(), snapshotDirectory(jdbcUrl));
            service.keepPersonsWith(PersonsKeys.open(
                    spec.commandLine(),
                    environment.variables(),
                    keptKey(jdbcUrl).resolveSibling(PersonsKeys.KEY_FILE)));
            return new Opened(ledger, service, environment.accessStores().apply(ledger), keptKey(jdbcUrl));
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /**
     * Where the server keeps its tally snapshots for the store {@code jdbcUrl}: beside an SQLite file
     * ({@code corridor.db.snapshots/}), so that they travel and are deleted with it; for any other store, under the
     * data directory in a folder named after the store, so that two stores never share one.
     */
    private Path snapshotDirectory(String jdbcUrl) {
        String file = sqliteFile(jdbcUrl);
        if (file != null) {
            Path database = Path.of(file).toAbsolutePath();
            return database.resolveSibling(database.getFileName() + ".snapshots");
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(jdbcUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return dataDir.resolve("snapshots").resolve(java.util.HexFormat.of().formatHex(digest, 0, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Where the server's checkpoint key is kept for the store {@code jdbcUrl}: beside an SQLite file, so that the
     * key travels with the log it signs; for any other store, in the data directory.
     */
    Path keptKey(String jdbcUrl) {
        String file = sqliteFile(jdbcUrl);
        return file != null
                ? Path.of(file).toAbsolutePath().resolveSibling(LogKeyOptions.KEY_FILE)
                : dataDir.resolve(LogKeyOptions.KEY_FILE);
    }

    /** The file of an SQLite URL, or null when it is not one with a plain file path. */
    private static String sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        return file.isEmpty() || file.equals(":memory:") || file.startsWith("file:") ? null : file;
    }

    private void ensureWritable(Path directory, String option) {
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(
                    spec.commandLine(), option + ": cannot create the directory " + directory + " (" + e + ")");
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new ParameterException(spec.commandLine(), option + ": cannot write to the directory " + directory);
        }
    }
}
