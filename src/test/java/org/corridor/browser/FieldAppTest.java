package org.corridor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Jcs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The field app (/field/) in a real Chromium against the real server: records kept offline through a reload and sent
 * exactly once, a connection cut in the middle of a sync, a refused record shown with the server's reason and sent
 * once corrected, a signature the server accepts, Arabic, and nothing asked of any other host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldAppTest {
    private static final String OBSERVATIONS = "/api/operations/" + DemoSite.OPERATION + "/observations";

    DemoSite site;

    @BeforeAll
    void start(@TempDir Path directory) {
        site = DemoSite.start(directory);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void recordedWithTheServerDown_survivesAReload_andArrivesExactlyOnce() {
        try (Chromium chromium = Chromium.start("en-GB")) {
            openAndChoose(chromium, "ramouseh", "m-un-02");
            awaitServiceWorker(chromium);
            int before = feedIds().size();
            site.stop();
            try {
                tap(chromium, "[data-type='convoy.passed']");
                for (int i = 1; i <= 20; i++) {
                    recordThroughTheForm(chromium, "offline-" + i, 10 + i);
                    awaitCount(chromium, "pending", i);
                }
                List<String> ids = pendingIds(chromium);
                assertThat(ids).hasSize(20).doesNotHaveDuplicates();

                chromium.driver.navigate().refresh(); // the server is down: the service worker serves the app
                awaitReady(chromium);
                awaitCount(chromium, "pending", 20);
                assertThat(pendingIds(chromium)).containsExactlyInAnyOrderElementsOf(ids);

                site.restart();
                awaitCount(chromium, "sent", 20, 90);
                awaitCount(chromium, "pending", 0);
                List<String> feed = feedIds();
                assertThat(feed).hasSize(before + 20);
                Map<String, Long> times = occurrences(feed);
                assertThat(ids)
                        .allSatisfy(id -> assertThat(times.get(id)).as(id).isEqualTo(1L));
            } finally {
                restartIfStopped();
            }
            assertOnlyLocalRequests(chromium);
        }
    }

    @Test
    void networkCutInTheMiddleOfASync_losesNothing_andSendsNothingTwice() {
        try (Chromium chromium = Chromium.start("en-GB")) {
            openAndChoose(chromium, "east-aleppo", "m-sarc-01");
            int before = feedIds().size();
            int count = 2250; // three batches of at most 1,000
            offline(chromium, true);
            for (int from = 0; from < count; from += 250) {
                Object saved = chromium.driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; (async () => {"
                                + " let ok = 0; for (let i = arguments[0]; i < arguments[1]; i++) {"
                                + "  const r = await corridorField.record({type: 'convoy.passed', convoy: 'cut-' + i,"
                                + "   people: i});"
                                + "  if (!r.problems.length) ok++; }"
                                + " return ok; })().then(done, e => done(String(e)));",
                        from,
                        from + 250);
                assertThat(saved).isEqualTo(250L);
            }
            List<String> ids = pendingIds(chromium);
            assertThat(ids).hasSize(count);

            offline(chromium, false); // the online event starts the sync; cut it once the first batch is in
            chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " const check = async () => { const c = await corridorField.counts();"
                    + "  if (c.sent >= 1 && corridorField.status().inFlight > 0) done(); else setTimeout(check, 2); };"
                    + " check();");
            offline(chromium, true);
            Map<?, ?> atCut = counts(chromium);
            assertThat(((Number) atCut.get("sent")).intValue()).isBetween(1, count - 1);
            assertThat(((Number) atCut.get("pending")).intValue()).isPositive();
            chromium.await(30, d -> status(chromium).get("lastError") != null);

            offline(chromium, false);
            awaitCount(chromium, "sent", count, 120);
            awaitCount(chromium, "pending", 0);
            List<String> feed = feedIds();
            assertThat(feed).hasSize(before + count);
            Map<String, Long> times = occurrences(feed);
            assertThat(ids).allSatisfy(id -> assertThat(times.get(id)).as(id).isEqualTo(1L));
            assertOnlyLocalRequests(chromium);
        }
    }

    @Test
    void refusedRecord_isShownWithTheServersReason_keptAcrossAReload_andSentOnceCorrected() {
        String original = resource("/demo/" + DemoSite.OPERATION + ".yaml");
        String withPost = original.replaceFirst(
                "\nsites:\n",
                "\nsites:\n  - {id: field-test-post, name: {en: Field test post, ar: نقطة الاختبار}, kind: checkpoint,"
                        + " location: [36.18, 37.15]}\n");
        define(withPost, 200);
        try (Chromium chromium = Chromium.start("en-GB")) {
            openAndChoose(chromium, "field-test-post", "m-icrc-02");
            offline(chromium, true);
            tap(chromium, "[data-type='convoy.passed']");
            recordThroughTheForm(chromium, "ea-refused", 42);
            awaitCount(chromium, "pending", 1);
            String id = pendingIds(chromium).get(0);
            define(original, 200); // the site is gone from the operation before the record reaches the server

            offline(chromium, false);
            String reason = chromium.awaitTextOf(30, ".refused-item[data-id='" + id + "'] .reason[data-field=site]");
            assertThat(reason).contains("Site").contains("unknown site 'field-test-post'");
            awaitCount(chromium, "refused", 1);
            awaitCount(chromium, "pending", 0);
            assertThat(occurrences(feedIds())).doesNotContainKey(id);
            chromium.screenshot(Path.of("target/screenshots/field-app-refused.png"));

            chromium.driver.navigate().refresh();
            awaitReady(chromium);
            tap(chromium, ".refused-item[data-id='" + id + "'] button.correct");
            chromium.select("#f-site", "ramouseh");
            tap(chromium, "button.save");
            awaitCount(chromium, "sent", 1, 60);
            chromium.await(
                    10, d -> d.findElements(By.cssSelector(".refused-item")).isEmpty());
            List<JsonNode> arrived = feed().stream()
                    .filter(o -> o.path("id").asText().equals(id))
                    .toList();
            assertThat(arrived).hasSize(1);
            assertThat(arrived.get(0).path("site").asText()).isEqualTo("ramouseh");
            assertThat(arrived.get(0).path("people").asLong()).isEqualTo(42);
            assertOnlyLocalRequests(chromium);
        }
    }

    @Test
    void withTheDevicesKeyInTheOperation_observationsArriveSigned_andATamperedCopyIsRefused() throws IOException {
        try (Chromium chromium = Chromium.start("en-GB")) {
            openAndChoose(chromium, "jibrin", "m-sarc-03");
            tap(chromium, ".key summary");
            String publicKey = chromium.awaitTextOf(10, ".public-key");
            assertThat(Base64.getDecoder().decode(publicKey)).hasSize(Ed25519.PUBLIC_KEY_LENGTH);
            String yaml = resource("/demo/" + DemoSite.OPERATION + ".yaml");
            String keyed = yaml.lines()
                    .map(line -> line.startsWith("  - {id: m-sarc-03,")
                            ? line.replace(
                                    "organisation: SARC}", "organisation: SARC, publicKey: \"" + publicKey + "\"}")
                            : line)
                    .collect(Collectors.joining("\n", "", "\n"));
            assertThat(keyed).contains(publicKey);
            define(keyed, 200);
            try {
                chromium.driver.navigate().refresh();
                awaitReady(chromium);
                chromium.await(10, d -> d.findElement(By.cssSelector(".key-status[data-signing=true]")));

                tap(chromium, "[data-type='convoy.arrived']");
                chromium.type("#f-convoy", "fk-signed");
                chromium.type("#f-people", "655");
                chromium.type("#f-vehicles", "14");
                tap(chromium, "button.save");
                awaitCount(chromium, "sent", 1, 60);

                String id = sentIds(chromium).get(0);
                JsonNode stored = feed().stream()
                        .filter(o -> o.path("id").asText().equals(id))
                        .findFirst()
                        .orElseThrow();
                assertThat(stored.path("signed").asBoolean()).isTrue();
                assertThat(stored.path("movement").asText()).isEqualTo("fua-kafraya-out");

                ObjectNode sent = (ObjectNode) DemoSite.JSON.readTree(DemoSite.JSON.writeValueAsString(
                        sentObservations(chromium).get(0)));
                byte[] signature =
                        Base64.getDecoder().decode(sent.get("signature").asText());
                ObjectNode unsigned = sent.deepCopy();
                unsigned.remove("signature");
                assertThat(Ed25519.PublicKey.ofBase64(publicKey).verify(Jcs.canonicalize(unsigned), signature))
                        .isTrue();

                ObjectNode tampered = sent.deepCopy();
                tampered.put("id", java.util.UUID.randomUUID().toString());
                tampered.put("people", 656);
                HttpResponse<String> refused = site.send("POST", OBSERVATIONS, "application/json", tampered.toString());
                assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 422);
                assertThat(refused.body()).contains("signature");
                assertOnlyLocalRequests(chromium);
                assertThat(consoleErrors(chromium)).isEmpty();
            } finally {
                define(yaml, 200);
            }
        }
    }

    @Test
    void arabic_isRightToLeft_withArabicLabelsAndTheServersRulesInArabic() {
        try (Chromium chromium = Chromium.start("ar")) {
            chromium.open(site.uri("/field/"));
            chromium.await(10, d -> d.findElement(By.cssSelector("form.sign-in")));
            assertThat(chromium.driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(chromium.textOf("h1")).isEqualTo("كوريدور الميداني");
            PagesTest.signIn(chromium, "demo-monitor");
            choose(chromium, "ramouseh", "m-un-02");
            assertThat(chromium.textOf("[data-count=pending] b")).isEqualTo("٠");

            tap(chromium, "[data-type='convoy.departed']");
            tap(chromium, "button.save");
            assertThat(chromium.awaitTextOf(10, ".problems"))
                    .contains("القافلة")
                    .contains("مطلوب")
                    .contains("حركة الإجلاء");

            chromium.type("#f-convoy", "ea-ar-1");
            chromium.type("#f-people", "١٢٠");
            tap(chromium, "[data-field=movement] input[value=east-aleppo-out]");
            tap(chromium, "button.save");
            assertThat(chromium.awaitTextOf(10, ".problems [data-problem=site]"))
                    .contains("تُسجّل الانطلاقة في نقطة انطلاق حركتها")
                    .contains("east-aleppo");
            assertThat(counts(chromium).get("pending")).isEqualTo(0L);

            tap(chromium, "[data-type='convoy.passed']"); // what was typed stays when the type is changed
            assertThat(chromium.valueOf("#f-convoy")).isEqualTo("ea-ar-1");
            assertThat(chromium.valueOf("#f-people")).isEqualTo("١٢٠");
            tap(chromium, "button.save");
            awaitCount(chromium, "sent", 1, 30);
            assertThat(sentObservations(chromium).get(0).get("people")).isEqualTo(120L);
            assertThat(chromium.textOf("[data-count=sent] b")).isEqualTo("١");
            assertThat(chromium.driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");

            tap(chromium, "[data-type='convoy.passed']");
            chromium.type("#f-convoy", "ea-ar-2");
            chromium.type("#f-people", "٣٤٠");
            chromium.type("#f-vehicles", "٧");
            chromium.driver.manage().window().setSize(new Dimension(430, 1250));
            chromium.script("window.scrollTo(0, 0)");
            chromium.screenshot(Path.of("target/screenshots/field-app-ar.png"));
            assertOnlyLocalRequests(chromium);
            assertThat(consoleErrors(chromium)).isEmpty();
        }
    }

    @Test
    void canonicalForm_matchesTheRfc8785Vectors_andTheServersJcs() throws IOException {
        Path vectors = Path.of(System.getProperty("corridor.vectors", "/work/shared/vectors/jcs"));
        try (Chromium chromium = Chromium.start("en-GB")) {
            chromium.open(site.uri("/field/"));
            awaitReady(chromium);
            int checked = 0;
            if (Files.isDirectory(vectors.resolve("input"))) {
                try (Stream<Path> inputs = Files.list(vectors.resolve("input"))) {
                    for (Path input : inputs.sorted().toList()) {
                        String expected =
                                Files.readString(vectors.resolve("output").resolve(input.getFileName()));
                        Object actual = chromium.script(
                                "return corridorField.canonical(JSON.parse(arguments[0]))",
                                Files.readString(input, StandardCharsets.UTF_8));
                        assertThat(actual).as(input.getFileName().toString()).isEqualTo(expected);
                        checked++;
                    }
                }
            }
            List<String> samples = List.of(
                    "{\"type\":\"convoy.passed\",\"people\":750,\"note\":\"حاجز الراموسة — \\u00e9 \\ud83d\\ude8c\","
                            + "\"vehicles\":{\"bus\":51,\"ambulance\":2},\"at\":\"2016-12-18T19:30:00+02:00\"}",
                    "{\"b\":[1,2,{\"z\":null,\"a\":true}],\"a\":\"\\u0000\\u001f\\\"\\\\/\",\"\\u20ac\":1e21,"
                            + "\"c\":0.000001,\"d\":-0,\"e\":123456789012345}");
            for (String sample : samples) {
                String expected = new String(Jcs.canonicalize(DemoSite.JSON.readTree(sample)), StandardCharsets.UTF_8);
                assertThat(chromium.script("return corridorField.canonical(JSON.parse(arguments[0]))", sample))
                        .isEqualTo(expected);
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(samples.size());
        }
    }

    @Test
    void sessionEndedDuringTheShift_asksToSignInAgain_keepsTheQueue_thenSends() {
        try (Chromium chromium = Chromium.start("en-GB")) {
            openAndChoose(chromium, "rashidin", "m-icrc-01");
            // the admin sets the same password again, which ends every session of the account
            HttpResponse<String> reset = site.send(
                    "PUT",
                    "/api/users/demo-monitor/password",
                    "application/json",
                    "{\"password\": \"" + DemoSite.PASSWORD + "\"}");
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

            tap(chromium, "[data-type='convoy.resumed']");
            chromium.type("#f-convoy", "ea-again");
            tap(chromium, "button.save");
            chromium.await(30, d -> d.findElement(By.cssSelector(".banner form.sign-in")));
            awaitCount(chromium, "pending", 1);
            assertThat(((Number) counts(chromium).get("refused")).intValue()).isZero();

            chromium.type(".banner input[name=password]", DemoSite.PASSWORD);
            tap(chromium, ".banner form.sign-in button[type=submit]");
            awaitCount(chromium, "sent", 1, 30);
            chromium.await(10, d -> d.findElements(By.cssSelector(".banner form.sign-in"))
                    .isEmpty());
            String id = sentIds(chromium).get(0);
            assertThat(occurrences(feedIds()).get(id)).isEqualTo(1L);
        }
    }

    @Test
    void deviceToken_pastedOnce_signsTheDeviceIn_acrossReloads() {
        HttpResponse<String> issued = site.send("POST", "/api/users/demo-monitor/tokens", "application/json", "{}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token;
        try {
            token = DemoSite.JSON.readTree(issued.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Chromium chromium = Chromium.start("en-GB")) {
            chromium.open(site.uri("/field/"));
            awaitReady(chromium);
            tap(chromium, "form.token summary");
            chromium.type("form.token input[name=token]", token);
            tap(chromium, "form.token button[type=submit]");
            choose(chromium, "jibrin", "m-un-03");
            chromium.driver.navigate().refresh();
            awaitReady(chromium);
            tap(chromium, "[data-type='convoy.passed']");
            recordThroughTheForm(chromium, "fk-token", 300);
            awaitCount(chromium, "sent", 1, 30);
            assertThat(chromium.driver.findElements(By.cssSelector("form.sign-in")))
                    .isEmpty();
            assertOnlyLocalRequests(chromium);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Opens the app, signs in as the demo monitor and chooses the site and monitor. */
    private void openAndChoose(Chromium chromium, String siteId, String monitor) {
        chromium.open(site.uri("/field/"));
        PagesTest.signIn(chromium, "demo-monitor");
        choose(chromium, siteId, monitor);
    }

    private static void choose(Chromium chromium, String siteId, String monitor) {
        chromium.await(15, d -> d.findElement(By.cssSelector("[data-site='" + siteId + "']")));
        tap(chromium, "[data-site='" + siteId + "']");
        tap(chromium, "[data-monitor='" + monitor + "']");
        chromium.await(10, d -> d.findElement(By.cssSelector("[data-type='convoy.passed']")));
        awaitReady(chromium);
    }

    /** Taps an element as a person would: scrolled to the middle of the screen, clear of the sticky bar. */
    private static void tap(Chromium chromium, String css) {
        chromium.tap(css);
    }

    private static void recordThroughTheForm(Chromium chromium, String convoy, int people) {
        chromium.type("#f-convoy", convoy);
        chromium.type("#f-people", Integer.toString(people));
        tap(chromium, "button.save");
    }

    private static void awaitReady(Chromium chromium) {
        chromium.await(20, d -> "true"
                .equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready")));
    }

    private static void awaitServiceWorker(Chromium chromium) {
        chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " navigator.serviceWorker.ready.then(() => done(true));");
        chromium.await(
                10,
                d -> Boolean.TRUE.equals(
                        ((JavascriptExecutor) d).executeScript("return navigator.serviceWorker.controller !== null")));
    }

    private static void awaitCount(Chromium chromium, String which, int expected) {
        awaitCount(chromium, which, expected, 20);
    }

    /** Waits until the page shows {@code expected} for the count, and the store holds as many. */
    private static void awaitCount(Chromium chromium, String which, int expected, int seconds) {
        Function<WebDriver, Boolean> shown = d -> {
            try {
                List<WebElement> counts = d.findElements(By.cssSelector("[data-count=" + which + "]"));
                String value = counts.isEmpty() ? "0" : counts.get(0).getDomAttribute("data-value");
                return Integer.toString(expected).equals(value)
                        && ((Number) counts(chromium).get(which)).intValue() == expected;
            } catch (StaleElementReferenceException e) {
                return false; // the counts were redrawn between finding and reading: look again
            }
        };
        try {
            chromium.await(seconds, shown);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "expected " + which + " = " + expected + "; counts " + counts(chromium) + ", status "
                            + status(chromium),
                    e);
        }
    }

    private static Map<?, ?> counts(Chromium chromium) {
        return (Map<?, ?>) chromium.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; corridorField.counts().then(done);");
    }

    private static Map<?, ?> status(Chromium chromium) {
        return (Map<?, ?>) chromium.script("return corridorField.status()");
    }

    private static List<Map<?, ?>> observationsIn(Chromium chromium, String state) {
        List<?> list = (List<?>) chromium.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; corridorField.records(arguments[0]).then(done);", state);
        return list.stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
    }

    private static List<Map<?, ?>> sentObservations(Chromium chromium) {
        return observationsIn(chromium, "sent");
    }

    private static List<String> pendingIds(Chromium chromium) {
        return observationsIn(chromium, "pending").stream()
                .map(o -> (String) o.get("id"))
                .toList();
    }

    private static List<String> sentIds(Chromium chromium) {
        return sentObservations(chromium).stream()
                .map(o -> (String) o.get("id"))
                .toList();
    }

    /** Cuts or restores the browser's network (DevTools network emulation): its requests fail as with no signal. */
    private static void offline(Chromium chromium, boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        if (offline) {
            chromium.driver.setNetworkConditions(conditions);
        } else {
            chromium.driver.deleteNetworkConditions();
        }
    }

    /** Every stored observation of the operation, in ledger order, through the API's feed. */
    private List<JsonNode> feed() {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = site.get(OBSERVATIONS + "?after=" + after + "&limit=1000");
            JsonNode items = page.isArray() ? page : page.path("observations");
            if (items.isEmpty()) {
                return all;
            }
            for (JsonNode item : items) {
                all.add(item);
                after = Math.max(after, item.path("seq").asLong());
            }
        }
    }

    private List<String> feedIds() {
        return feed().stream().map(o -> o.path("id").asText()).toList();
    }

    private static Map<String, Long> occurrences(List<String> ids) {
        Map<String, Long> times = new HashMap<>();
        ids.forEach(id -> times.merge(id, 1L, Long::sum));
        return times;
    }

    private void define(String yaml, int expected) {
        HttpResponse<String> response = site.send("POST", "/api/operations", "application/yaml", yaml);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    private void restartIfStopped() {
        try {
            site.get("/api/health");
        } catch (RuntimeException e) {
            site.restart();
        }
    }

    private static void assertOnlyLocalRequests(Chromium chromium) {
        assertThat(chromium.networkUrls()).isNotEmpty().allSatisfy(url -> assertThat(url)
                .matches("http://127\\.0\\.0\\.1:\\d+/.*"));
    }

    /**
     * The console's errors, but for the one the app causes on purpose: asking {@code /api/me} before anyone signed in
     * answers 401, which the browser reports as a failed resource.
     */
    private static List<String> consoleErrors(Chromium chromium) {
        return chromium.consoleMessages().stream()
                .filter(message -> message.startsWith("SEVERE"))
                .filter(message -> !(message.contains("/api/me") && message.contains("401")))
                .toList();
    }

    private static String resource(String name) {
        try (var in = FieldAppTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
