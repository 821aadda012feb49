package org.corridor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The pages in a real Chromium: served by the server itself, signed in through the form, nothing from elsewhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {
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
    void dashboard_signsIn_showsTheApiFigures_andAsksNothingOfAnyOtherHost() {
        try (Chromium chromium = Chromium.start("en-GB")) {
            chromium.open(site.uri("/"));
            signIn(chromium, "demo-coordinator");
            chromium.await(10, d -> d.findElement(By.cssSelector("[data-figure=evacuated]")));
            long expected = site.get("/api/operations/" + DemoSite.OPERATION + "/tallies")
                    .get("evacuated")
                    .asLong();
            Object shown = chromium.script("return document.querySelector('[data-figure=evacuated]').textContent;");
            assertThat(((String) shown).replace(",", "")).isEqualTo(Long.toString(expected));
            assertThat(chromium.networkUrls()).isNotEmpty().allSatisfy(url -> assertThat(url)
                    .matches("(http://127\\.0\\.0\\.1:\\d+/|data:|blob:).*"));
        }
    }

    @Test
    void fieldApp_isServedWithItsManifestAndWorker() {
        try (Chromium chromium = Chromium.start("en-GB")) {
            chromium.open(site.uri("/field/"));
            chromium.await(10, d -> d.findElement(By.cssSelector("h1"))
                    .getDomProperty("textContent")
                    .equals("Corridor field"));
            Object scope = chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.ready.then(r => done(r.scope));");
            assertThat(scope).isEqualTo(site.uri("/field/").toString());
            // Chromium's own verdict on the manifest, icons and worker: an installable app has no errors.
            Map<String, Object> installability =
                    chromium.driver.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
            assertThat((List<?>) installability.get("installabilityErrors")).isEmpty();
        }
    }

    static void signIn(Chromium chromium, String account) {
        chromium.await(10, d -> d.findElement(By.cssSelector("form.sign-in")));
        chromium.type("form.sign-in input[name=id]", account);
        chromium.type("form.sign-in input[name=password]", DemoSite.PASSWORD);
        chromium.tap("form.sign-in button[type=submit]");
    }
}
