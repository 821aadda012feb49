package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.corridor.TestAccess;
import org.corridor.access.Access;
import org.corridor.access.AccessSettings;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.persons.PersonsVault;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/**
 * The real server on a free port over a real SQLite ledger in a temporary directory, and a client for it. The server
 * has {@link TestAccess#ADMIN_TOKEN} as its bootstrap token, and {@link #http} sends it with every request that
 * carries no Authorization of its own; {@link #anonymous} sends none.
 */
final class RunningServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The test server's checkpoint key, the same for every server a test starts, as a real server keeps its own. */
    static final SignedNote.Signer SIGNER = SignedNote.Signer.generate("corridor");
    /** The test servers' persons key, the same for every server a test starts, as a real server keeps its own. */
    static final String PERSONS_KEY = PersonsVault.newKeyText();

    static final PersonsVault PERSONS = PersonsVault.parse(PERSONS_KEY);

    final Ledger ledger;
    final CorridorService service;
    final TransparencyLog log;
    final Access access;
    final CorridorServer server;
    final HttpClient anonymous =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final HttpClient http = new AuthorizingHttpClient(anonymous, TestAccess.ADMIN_TOKEN);

    private RunningServer(Ledger ledger, Access access) {
        this.ledger = ledger;
        this.service = CorridorService.start(ledger, InstantSource.system());
        this.service.keepPersonsWith(PERSONS);
        this.access = access;
        this.log = new TransparencyLog(ledger, SIGNER, "corridor");
        this.server = CorridorServer.start(service, access, log, "127.0.0.1", 0);
    }

    /**
     * The store the HTTP suite runs on: SQLite by default; PostgreSQL when the system property
     * {@code corridor.test.store} is {@code postgresql} (the build's second run of this suite).
     */
    static final String STORE = System.getProperty("corridor.test.store", "sqlite");

    static RunningServer start(Path directory) {
        Ledger ledger = Ledgers.open(storeUrl(directory));
        return new RunningServer(ledger, TestAccess.of(ledger));
    }

    /** As {@link #start(Path)}, with access configured by {@code settings} (which should keep the admin token). */
    static RunningServer start(Path directory, AccessSettings settings) {
        Ledger ledger = Ledgers.open(storeUrl(directory));
        return new RunningServer(ledger, Access.start(Ledgers.accessStore(ledger), settings, InstantSource.system()));
    }

    static boolean onSqlite() {
        return !"postgresql".equals(STORE);
    }

    /**
     * The store of a test directory: an SQLite file in it, or a PostgreSQL schema of its own named after it (so
     * that a restart in the same directory finds the same store), dropped when the test JVM exits.
     */
    static String storeUrl(Path directory) {
        if (onSqlite()) {
            return "jdbc:sqlite:" + directory.resolve("corridor.db");
        }
        return TestSchemas.urlFor("http_"
                + java.util
                        .UUID
                        .nameUUIDFromBytes(directory.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", ""));
    }

    /** A server on any store that follows what other servers append, as {@code corridor serve} does. */
    static RunningServer following(String jdbcUrl) {
        Ledger ledger = Ledgers.open(jdbcUrl);
        RunningServer server = new RunningServer(ledger, TestAccess.of(ledger));
        server.watch = server.ledger.watchChanges(operationId -> server.service.followSoon());
        return server;
    }

    private AutoCloseable watch = () -> {};

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postJson(String path, Object body) {
        try {
            return post(path, "application/json", body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the test operation (fixtures/test-op.yaml). */
    void defineTestOperation() {
        HttpResponse<String> response = post("/api/operations", "application/yaml", fixture("test-op.yaml"));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the test operation was refused: " + response.body());
        }
    }

    /** How many observations the feed holds. */
    int feedSize(String operationId) {
        return json(get("/api/operations/" + operationId + "/observations?limit=1000"))
                .size();
    }

    static String fixture(String name) {
        try (InputStream in = RunningServer.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.close();
        ledger.close();
    }
}
