package org.corridor.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import org.corridor.http.CorridorServer;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/**
 * The real server on a free port of 127.0.0.1 over an SQLite store in a test directory, with the demo operation (the
 * files {@code corridor demo} loads) stored through the API and one account per role whose password is
 * {@link #PASSWORD}. It can be stopped and started again on the same port and store, as the field app's offline
 * tests need.
 */
final class DemoSite implements AutoCloseable {
    static final String OPERATION = "aleppo-2016-12";
    static final String PASSWORD = "browser-test-password-1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SignedNote.Signer SIGNER = SignedNote.Signer.generate("corridor");

    private final Path directory;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    private Ledger ledger;
    private CorridorServer server;
    CorridorService service;

    private DemoSite(Path directory) {
        this.directory = directory;
    }

    /** A started site with the demo operation and its observations, and the accounts demo-{role}. */
    static DemoSite start(Path directory) {
        DemoSite site = new DemoSite(directory);
        site.startServer(0);
        site.loadDemo();
        for (String role : new String[] {"coordinator", "monitor", "liaison", "viewer"}) {
            site.createAccount(role);
        }
        return site;
    }

    private void startServer(int wanted) {
        ledger = Ledgers.open("jdbc:sqlite:" + directory.resolve("corridor.db"));
        service = CorridorService.start(ledger, InstantSource.system());
        Access access = TestAccess.of(ledger);
        server = CorridorServer.start(
                service, access, new TransparencyLog(ledger, SIGNER, "corridor"), "127.0.0.1", wanted);
        port = server.port();
    }

    /** Stops the server (the store stays): the pages' requests now fail as with no connection. */
    void stop() {
        server.close();
        ledger.close();
        server = null;
    }

    /** Starts the server again on the same port and store. */
    void restart() {
        startServer(port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void loadDemo() {
        check(send("POST", "/api/operations", "application/yaml", resource("/demo/" + OPERATION + ".yaml")), 201);
        ArrayNode batch = JSON.createArrayNode();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                DemoSite.class.getResourceAsStream("/demo/" + OPERATION + ".observations.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    batch.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(
                send("POST", "/api/operations/" + OPERATION + "/observations", "application/json", batch.toString()),
                200);
    }

    private void createAccount(String role) {
        String body = "{\"id\": \"demo-" + role + "\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\""
                + ("liaison".equals(role) ? ", \"party\": \"opposition\"" : ", \"operations\": [\"" + OPERATION + "\"]")
                + "}";
        check(send("POST", "/api/users", "application/json", body), 201);
    }

    /** GET with the admin token, as JSON. */
    JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null, null);
        check(response, 200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends with the admin token; the response whatever its status. */
    HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = TestAccess.asAdmin(HttpRequest.newBuilder(uri(path)))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoSite.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
