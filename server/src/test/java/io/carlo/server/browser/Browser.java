package io.carlo.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver: nothing is downloaded (no
 * Selenium Manager, no browser build of its own). Each test step can be saved as a screenshot under
 * {@code target/screenshots}, and downloads land in a directory of their own.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use none. */
    private static final java.util.logging.Logger CDP_WARNINGS =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final Path screenshots;
    private final String prefix;
    private int step;

    private Browser(ChromeDriver driver, Path downloads, Path profile, Path screenshots, String prefix) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
        this.screenshots = screenshots;
        this.prefix = prefix;
    }

    /** A fresh browser (its own profile and download directory); screenshots are named {@code prefix-NN-step.png}. */
    static Browser start(String prefix) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        CDP_WARNINGS.setLevel(java.util.logging.Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("carlo-chromium-");
            Path downloads = Files.createTempDirectory("carlo-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1440,900", "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("safebrowsing.enabled", false);
            options.setExperimentalOption("prefs", prefs);
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Path screenshots = Path.of("target", "screenshots");
            Files.createDirectories(screenshots);
            // the last run's pictures of this test go, so that what is there is this run's
            try (var old = Files.newDirectoryStream(screenshots, prefix + "-*.png")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            return new Browser(driver, downloads, profile, screenshots, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Saves what the page shows now as {@code target/screenshots/prefix-NN-name.png}. */
    Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path to = screenshots.resolve(String.format("%s-%02d-%s.png", prefix, ++step, name));
        try {
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    WebElement find(By by) {
        return until(ExpectedConditions.presenceOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return until(ExpectedConditions.elementToBeClickable(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** A chart that has drawn: ECharts made its canvas and the option was set. */
    static By renderedChart(String id) {
        return By.cssSelector("[data-testid='" + id + "'][data-rendered='true'] canvas");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
            deleteTree(downloads);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
