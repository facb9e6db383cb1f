package fiblab.bench.site;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless and offline, driven by its own chromedriver, for the tests that read
 * the generated site as a reader would. The driver path is given, so Selenium Manager never goes
 * online to look for one.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Fails the test, saying how to install them, when Chromium or its driver is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with: sudo apt-get install -y chromium chromium-driver");
        }
    }

    /** Headless, no network of its own, a fresh profile; callers add the window or device. */
    static ChromeOptions options() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("fiblab-chromium-"));
        return options;
    }

    /** How many pixels of {@code canvas} Chart.js has painted (not transparent); 0 if no chart is drawn on it. */
    static long paintedPixels(ChromeDriver driver, WebElement canvas) {
        Object painted = driver.executeScript(
                "const c = arguments[0];"
                        + "if (!window.Chart || !Chart.getChart(c) || c.width === 0 || c.height === 0) return 0;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n;",
                canvas);
        return ((Number) painted).longValue();
    }

    /** Opens {@code page} and waits (20 s at most) until the site's script has drawn everything. */
    static ChromeDriver open(ChromeOptions options, Path page) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        return driver;
    }
}
