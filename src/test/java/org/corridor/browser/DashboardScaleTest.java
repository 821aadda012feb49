package org.corridor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The dashboard with an operation of 1,000 convoys (the demo's places and agreements under another id, convoys
 * generated): it shows them all, and an update (a posted observation) redraws the map, the chart and the board
 * quickly, measured in the page with the Performance API and animation frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardScaleTest {
    static final String SCALE = "scale-1000";
    static final int CONVOYS = 1_000;

    DemoSite site;
    Chromium chromium;
    JsonNode definition;

    @BeforeAll
    void start(@TempDir Path directory) {
        site = DemoSite.start(directory);
        String yaml = resource("/demo/" + DemoSite.OPERATION + ".yaml")
                .replaceFirst("(?m)^id: " + DemoSite.OPERATION + "$", "id: " + SCALE);
        check(site.send("POST", "/api/operations", "application/yaml", yaml).statusCode(), 201);
        definition = site.get("/api/operations/" + SCALE);
        List<JsonNode> movements = definition.findValues("movements").stream()
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .toList();
        String monitor = definition.get("monitors").get(0).get("id").asText();
        OffsetDateTime start = OffsetDateTime.parse("2016-12-19T06:00:00+02:00");
        ArrayNode departures = DemoSite.JSON.createArrayNode();
        ArrayNode arrivals = DemoSite.JSON.createArrayNode();
        for (int i = 0; i < CONVOYS; i++) {
            JsonNode movement = movements.get(i % movements.size());
            OffsetDateTime left = start.plusMinutes(5L * i);
            departures.add(observation(
                    "convoy.departed", left, monitor, movement.get("from").asText(), i, movement, 20));
            if (i % 3 != 0) {
                arrivals.add(observation(
                        "convoy.arrived",
                        left.plusHours(3),
                        monitor,
                        movement.get("to").asText(),
                        i,
                        movement,
                        20));
            }
        }
        check(
                site.send(
                                "POST",
                                "/api/operations/" + SCALE + "/observations",
                                "application/json",
                                departures.toString())
                        .statusCode(),
                200);
        check(
                site.send("POST", "/api/operations/" + SCALE + "/observations", "application/json", arrivals.toString())
                        .statusCode(),
                200);
        check(
                site.send(
                                "POST",
                                "/api/users",
                                "application/json",
                                "{\"id\": \"scale-coordinator\", \"role\": \"coordinator\", \"password\": \""
                                        + DemoSite.PASSWORD + "\", \"operations\": [\"" + SCALE + "\"]}")
                        .statusCode(),
                201);
        chromium = Chromium.start("en-GB");
    }

    static ObjectNode observation(
            String type, OffsetDateTime at, String monitor, String siteId, int convoy, JsonNode movement, int people) {
        return DemoSite.JSON
                .createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("operation", SCALE)
                .put("at", at.toString())
                .put("monitor", monitor)
                .put("site", siteId)
                .put("convoy", "c-%04d".formatted(convoy))
                .put("movement", movement.get("id").asText())
                .put("people", people);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        site.close();
    }

    @Test
    void thousandConvoys_areShown_andAnUpdateRedrawsMapChartAndBoardQuickly() {
        chromium.open(site.uri("/"));
        PagesTest.signIn(chromium, "scale-coordinator");
        chromium.await(
                30,
                d -> d.findElements(By.cssSelector("tr[data-convoy]")).size() == CONVOYS
                        && !d.findElements(By.cssSelector(".map-svg .land path"))
                                .isEmpty()
                        && !d.findElements(By.cssSelector(".chart-svg path.line"))
                                .isEmpty());
        // First render of a page already signed in (the sign-in form's typing is not the page's time).
        chromium.open(site.uri("/"));
        chromium.await(
                30,
                d -> d.findElements(By.cssSelector("tr[data-convoy]")).size() == CONVOYS
                        && !d.findElements(By.cssSelector(".map-svg .land path"))
                                .isEmpty()
                        && !d.findElements(By.cssSelector(".chart-svg path.line"))
                                .isEmpty());
        Number headline =
                (Number) chromium.script("return performance.getEntriesByName('corridor:headline')[0].startTime;");
        // Watch every animation frame from now on, and forget the measures of the first render.
        chromium.script("performance.clearMeasures(); window.corridorFrames = []; let last = performance.now();"
                + " const tick = (now) => { window.corridorFrames.push(now - last); last = now;"
                + " requestAnimationFrame(tick); }; requestAnimationFrame(tick);");

        JsonNode movement = definition.get("agreements").get(0).get("movements").get(0);
        ObjectNode arrival = observation(
                "convoy.arrived",
                OffsetDateTime.parse("2016-12-23T06:00:00+02:00"),
                definition.get("monitors").get(0).get("id").asText(),
                movement.get("to").asText(),
                0,
                movement,
                20);
        long posted = System.nanoTime();
        check(
                site.send("POST", "/api/operations/" + SCALE + "/observations", "application/json", arrival.toString())
                        .statusCode(),
                201);
        long evacuated = site.get("/api/operations/" + SCALE + "/tallies")
                .get("evacuated")
                .asLong();
        chromium.await(
                10,
                d -> DashboardTest.shown(d.findElement(By.cssSelector("[data-figure=evacuated]"))
                                        .getDomProperty("textContent"))
                                == evacuated
                        && "arrived"
                                .equals(d.findElement(By.cssSelector("tr[data-convoy='c-0000'] [data-field=status]"))
                                        .getDomAttribute("data-value"))
                        && !((List<?>) chromium.script("return performance.getEntriesByName('corridor:board');"))
                                .isEmpty());
        long shownAfter = (System.nanoTime() - posted) / 1_000_000;
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) chromium.script(
                "const longest = (name) => Math.max(0, ...performance.getEntriesByName(name).map(e => e.duration));"
                        + " const frames = window.corridorFrames.slice(1);"
                        + " return {map: longest('corridor:map'), chart: longest('corridor:chart'),"
                        + " board: longest('corridor:board'), longestFrame: Math.max(0, ...frames),"
                        + " frames: frames.length};");
        System.out.printf(
                "dashboard with %d convoys: first render %d ms; update shown %d ms after the post; map %.1f ms,"
                        + " chart %.1f ms, board %.1f ms; longest frame during the update %.1f ms over %s frames%n",
                CONVOYS,
                Math.round(headline.doubleValue()),
                shownAfter,
                ((Number) measured.get("map")).doubleValue(),
                ((Number) measured.get("chart")).doubleValue(),
                ((Number) measured.get("board")).doubleValue(),
                ((Number) measured.get("longestFrame")).doubleValue(),
                measured.get("frames"));
        // The figures to report are printed above; the bounds here are loose enough for a loaded shared machine
        // (the 2-second target is held by DashboardTest with the demo), yet fail if drawing grew with the convoys.
        assertThat(shownAfter).isLessThan(5_000);
        assertThat(((Number) measured.get("map")).doubleValue()).isLessThan(250);
        assertThat(((Number) measured.get("chart")).doubleValue()).isLessThan(250);
        assertThat(((Number) measured.get("board")).doubleValue()).isLessThan(1_000);
        long marked = ((Number) chromium.script("return [...document.querySelectorAll('.map-svg .convoy-mark')]"
                        + ".reduce((sum, mark) => sum + Number(mark.dataset.count), 0);"))
                .longValue();
        assertThat(marked).isEqualTo(CONVOYS);
    }

    private static void check(int status, int expected) {
        assertThat(status).isEqualTo(expected);
    }

    private static String resource(String name) {
        try (InputStream in = DashboardScaleTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
