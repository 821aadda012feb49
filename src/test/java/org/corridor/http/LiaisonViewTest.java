package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A liaison sees the tallies and convoys of the agreements its party signed, nothing else (CONTRACT §8): two
 * agreements, each signed by a different party and both by a third; each liaison sees exactly its movements, their
 * convoys, the alerts about them and figures summed over them, and the third sees what the admin sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiaisonViewTest {
    private static final String OPERATION = """
            id: party-op
            name: {en: Two agreements}
            timezone: Asia/Damascus
            parties:
              - {id: opposition, name: {en: Opposition}}
              - {id: government, name: {en: Government}}
              - {id: guarantor, name: {en: Guarantor}}
            sites:
              - {id: east, name: {en: East}, kind: origin, location: [36.20, 37.17]}
              - {id: checkpoint, name: {en: Checkpoint}, kind: checkpoint, location: [36.17, 37.13]}
              - {id: north, name: {en: North}, kind: origin, location: [35.98, 36.71]}
              - {id: west, name: {en: West}, kind: destination, location: [36.19, 37.07]}
            agreements:
              - id: east-deal
                name: {en: East agreement}
                parties: [opposition, guarantor]
                movements:
                  - {id: east-out, from: east, to: west, via: [checkpoint], quota: 1000}
              - id: north-deal
                name: {en: North agreement}
                parties: [government, guarantor]
                movements:
                  - {id: north-out, from: north, to: west, quota: 200, deadline: 2016-12-14T00:00:00+02:00}
            monitors:
              - {id: m1, name: {en: Monitor one}, organisation: UN}
            """;
    private static final String AS_OF = "2016-12-15T23:00:00%2B02:00";

    @TempDir
    static Path directory;

    private RunningServer api;
    private String opposition;
    private String government;
    private String guarantor;

    @BeforeAll
    void start() {
        api = RunningServer.start(directory);
        assertThat(api.post("/api/operations", "application/yaml", OPERATION).statusCode())
                .isEqualTo(201);
        opposition = liaison("opposition");
        government = liaison("government");
        guarantor = liaison("guarantor");
        post(convoy("convoy.departed", "east", "08:00", "c1", "east-out", 100));
        post(observation("persons.detained", "checkpoint", "09:00")
                .put("convoy", "c1")
                .put("people", 5));
        post(convoy("convoy.arrived", "west", "10:00", "c1", "east-out", 90));
        post(convoy("convoy.departed", "north", "08:30", "c2", "north-out", 50));
        post(convoy("convoy.arrived", "west", "11:00", "c2", "north-out", 60));
        post(convoy("convoy.departed", "east", "12:00", "c3", "east-out", 30));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void oppositionLiaison_seesItsMovementItsConvoysAndFiguresOverThemAlone() {
        JsonNode tallies = get(opposition, "/tallies?asOf=" + AS_OF);

        assertThat(headline(tallies)).containsExactly(130L, 90L, 30L, 5L, 5L, 90L);
        assertThat(tallies.findValuesAsText("id")).containsExactly("east-out");
        assertThat(alerts(tallies)).containsExactly("convoy-unaccounted c1");
        assertThat(get(opposition, "/convoys?asOf=" + AS_OF).findValuesAsText("id"))
                .containsExactly("c1", "c3");
    }

    @Test
    void governmentLiaison_seesOnlyTheOtherAgreement() {
        JsonNode tallies = get(government, "/tallies?asOf=" + AS_OF);

        assertThat(headline(tallies)).containsExactly(50L, 60L, 0L, 0L, 0L, 60L);
        assertThat(tallies.findValuesAsText("id")).containsExactly("north-out");
        assertThat(alerts(tallies)).containsExactlyInAnyOrder("convoy-surplus c2", "movement-overdue north-out");
        assertThat(get(government, "/convoys?asOf=" + AS_OF).findValuesAsText("id"))
                .containsExactly("c2");
        assertThat(get(government, "/convoys?signed=only").findValuesAsText("id"))
                .isEmpty();
    }

    @Test
    void liaisonSeries_holdsItsPartysMovementsAndFiguresAlone() {
        String span = "/tallies/series?step=PT1H&from=2016-12-15T07:00:00%2B02:00&to=" + AS_OF;
        JsonNode opposition = get(this.opposition, span);
        JsonNode government = get(this.government, span);
        JsonNode last = opposition.get("points").get(opposition.get("points").size() - 1);
        assertThat(last.get("movements").properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("east-out");
        assertThat(last.get("evacuated").asLong()).isEqualTo(90L);
        JsonNode governmentLast =
                government.get("points").get(government.get("points").size() - 1);
        assertThat(governmentLast.get("movements").properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("north-out");
        assertThat(governmentLast.get("evacuated").asLong()).isEqualTo(60L);
        JsonNode admin = RunningServer.json(api.get("/api/operations/party-op" + span));
        assertThat(admin.get("points")
                        .get(admin.get("points").size() - 1)
                        .get("movements")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void liaisonOfBothAgreements_seesWhatTheAdminSees() {
        for (String asOf : List.of("?asOf=" + AS_OF, "?asOf=2016-12-16T01:00:00%2B02:00", "")) {
            JsonNode admin = RunningServer.json(api.get("/api/operations/party-op/tallies" + asOf));
            JsonNode party = get(guarantor, "/tallies" + asOf);
            if (asOf.isEmpty()) {
                ((ObjectNode) admin).remove("asOf"); // a second may pass between the two requests
                ((ObjectNode) party).remove("asOf");
            }
            assertThat(party).as(asOf).isEqualTo(admin);
        }
        assertThat(get(guarantor, "/convoys?asOf=" + AS_OF))
                .isEqualTo(RunningServer.json(api.get("/api/operations/party-op/convoys?asOf=" + AS_OF)));
    }

    @Test
    void liaisonStream_carriesItsPartysTallies() throws Exception {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = api.anonymous.send(
                HttpRequest.newBuilder(api.uri("/api/operations/party-op/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + opposition)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> StreamTest.readEvents(response.body(), events));
        try {
            JsonNode first = events.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.findValuesAsText("id")).containsExactly("east-out");
            assertThat(first.get("departed").asLong()).isEqualTo(130);

            // The next day, after the moment the other tests ask about.
            post(convoy("convoy.departed", "north", "13:00", "c4", "north-out", 7)
                    .put("at", "2016-12-16T13:00:00+02:00"));
            post(convoy("convoy.departed", "east", "13:00", "c5", "east-out", 11)
                    .put("at", "2016-12-16T13:00:00+02:00"));
            JsonNode next = events.poll(5, TimeUnit.SECONDS);
            while (next != null && next.get("departed").asLong() == 130) {
                next = events.poll(5, TimeUnit.SECONDS);
            }
            assertThat(next).isNotNull();
            assertThat(next.findValuesAsText("id")).containsExactly("east-out");
            assertThat(next.get("departed").asLong()).isEqualTo(141);
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    private static List<Long> headline(JsonNode tallies) {
        List<Long> figures = new ArrayList<>();
        for (String name : List.of("departed", "evacuated", "inTransit", "detained", "unaccounted", "sinceMidnight")) {
            figures.add(tallies.get(name).asLong());
        }
        return figures;
    }

    private static List<String> alerts(JsonNode tallies) {
        List<String> alerts = new ArrayList<>();
        tallies.get("alerts")
                .forEach(alert -> alerts.add(
                        alert.get("kind").asText() + " " + alert.get("subject").asText()));
        return alerts;
    }

    private String liaison(String party) {
        HttpResponse<String> created = api.postJson(
                "/api/users",
                "{\"id\": \"liaison-" + party + "\", \"role\": \"liaison\", \"party\": \"" + party + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningServer.json(created).get("token").asText();
    }

    private JsonNode get(String token, String path) {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/operations/party-op" + path))
                .header("Authorization", "Bearer " + token)
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private void post(ObjectNode observation) {
        HttpResponse<String> response = api.postJson("/api/operations/party-op/observations", observation);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static ObjectNode observation(String type, String site, String time) {
        return Observations.header(type, site, "2016-12-15T" + time + ":00+02:00")
                .put("operation", "party-op");
    }

    private static ObjectNode convoy(String type, String site, String time, String convoy, String movement, long n) {
        return observation(type, site, time)
                .put("convoy", convoy)
                .put("movement", movement)
                .put("people", n);
    }
}
