package org.corridor.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}) with a fresh profile,
 * that records every URL the page asks for, so that a test can assert nothing leaves this machine. When Chromium is
 * missing the test is skipped with a message saying what to install; under CI (where .ci/run installs it) that is a
 * failure instead.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CORRIDOR_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CORRIDOR_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final Path profile;
    private final List<String> requested = new ArrayList<>();

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new browser with an empty profile, in {@code language} (for example "en-GB" or "ar"). */
    static Chromium start(String language) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "CI needs Chromium for the browser tests: .ci/run installs the Debian packages chromium and"
                            + " chromium-driver; " + BROWSER + " or " + DRIVER + " is missing");
        }
        assumeTrue(
                present,
                "browser tests skipped: install Chromium and its driver (Debian: apt-get install chromium"
                        + " chromium-driver), or set CORRIDOR_CHROMIUM and CORRIDOR_CHROMEDRIVER");
        try {
            Path profile = Files.createTempDirectory("corridor-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-extensions",
                    "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--window-size=1366,900",
                    "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    /**
     * Waits up to {@code seconds} for {@code condition} to give something other than null or false. An element
     * replaced while the condition read it (the pages redraw whole sections, the field app its whole screen after
     * start-up) counts as not yet: the condition is asked again.
     */
    <T> T await(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * The text of the first element {@code css} selects, read in one step in the page (an element found first and
     * read after could be replaced in between by a redraw); null when there is none.
     */
    String textOf(String css) {
        return (String)
                script("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
    }

    /**
     * Taps the first element {@code css} selects as a person would: scrolled to the middle of the screen (clear of a
     * sticky bar), then clicked. Finding, scrolling and clicking are retried together while the element is missing or
     * is replaced by a redraw between the steps, for up to 10 seconds.
     */
    void tap(String css) {
        await(10, d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    /**
     * Types {@code text} into the first field {@code css} selects; retried as a whole while the field is missing or
     * replaced by a redraw before the keys reach it, for up to 10 seconds.
     */
    void type(String css, String text) {
        await(10, d -> {
            d.findElement(By.cssSelector(css)).sendKeys(text);
            return true;
        });
    }

    /** Chooses the option of value {@code value} in the first list {@code css} selects; retried as {@link #tap}. */
    void select(String css, String value) {
        await(10, d -> {
            new Select(d.findElement(By.cssSelector(css))).selectByValue(value);
            return true;
        });
    }

    /** The current value of the first form field {@code css} selects, read in one step in the page; null when none. */
    String valueOf(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.value : null;", css);
    }

    /**
     * Waits up to {@code seconds} for an element {@code css} selects to exist and returns its text, read in one step.
     */
    String awaitTextOf(int seconds, String css) {
        return await(seconds, d -> textOf(css));
    }

    /** Runs {@code script} in the page (arguments as {@code arguments[i]}) and returns its result. */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Every URL the pages asked for since the browser started (the browser's own network log). */
    List<String> requestedUrls() {
        for (LogEntry entry : driver.manage().logs().get("performance")) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    requested.add(
                            message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requested);
    }

    /**
     * The URLs the pages fetched over a network (http, https, ws, wss): the browser's own {@code chrome://} pages and
     * {@code data:} or {@code blob:} URLs never leave the machine and are left out.
     */
    List<String> networkUrls() {
        return requestedUrls().stream()
                .filter(url -> url.matches("(?i)(https?|wss?|ftp)://.*"))
                .toList();
    }

    /** The messages the pages wrote to the console, errors included. */
    List<String> consoleMessages() {
        return driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /** Saves a PNG of the page as it is now. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
