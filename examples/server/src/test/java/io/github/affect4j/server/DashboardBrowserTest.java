package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.affect4j.server.Api.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's chromium, headless, driven through
 * {@code /usr/bin/chromedriver} (named explicitly, so Selenium Manager never downloads a driver
 * or a browser). Skipped, with the reason, where they are not installed; {@code .ci/run}
 * installs them. Paths can be changed with {@code -Daffect4j.chromium=} and
 * {@code -Daffect4j.chromedriver=}.
 *
 * <p>Signs in with a teacher's token, starts sessions on the page, posts frames and a clip
 * through the API as a camera would, and checks that counts, chart and summaries follow live;
 * that without consent the page shows the server's reason instead of affect; and that sessions
 * started and ended by another client (the API, or a second page in another tab) show up on the
 * page as they happen. Leaves a screenshot in {@code target/dashboard.png}.
 */
class DashboardBrowserTest extends LiveH2Server {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final Path CHROMIUM =
            Path.of(System.getProperty("affect4j.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("affect4j.chromedriver", "/usr/bin/chromedriver"));

    /** Before the server starts, so a machine without a browser skips at once. */
    @BeforeAll
    static void browserInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Dashboard browser test skipped: it needs chromium at " + CHROMIUM
                        + " and chromedriver at " + CHROMEDRIVER
                        + " (Debian: apt-get install -y chromium chromium-driver)");
    }

    @Test
    void signInStartASessionAndWatchUploadsArriveLive() throws Exception {
        String teacher = teacher("Browser");
        long classroom = classroom(teacher, "7C");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-dev-shm-usage",
                "--window-size=1280,1000");
        WebDriver browser = new ChromeDriver(service, options);
        try {
            // The page re-renders its lists and counters as events arrive: an element found a
            // moment ago may have been replaced, so a wait tries again instead of failing.
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            browser.get("http://127.0.0.1:" + port + "/dashboard.html");

            // Sign in: a wrong token is refused on the page, the teacher's is accepted.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                    .sendKeys("not-a-valid-token-at-all");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("sign-in-error"), "not valid"));
            browser.findElement(By.id("token")).clear();
            browser.findElement(By.id("token")).sendKeys(teacher);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main")));
            wait.until(d -> new Select(d.findElement(By.id("classroom")))
                    .getFirstSelectedOption().getDomAttribute("value")
                    .equals(String.valueOf(classroom)));

            // Start a session with recorded consent on the page.
            browser.findElement(By.id("start-title")).sendKeys("Consented lesson");
            browser.findElement(By.id("start-consent")).click();
            browser.findElement(By.id("start")).click();
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "active"));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
            long consented = selectedSession(browser);
            assertThat(text(browser, "count-frames")).isEqualTo("0");
            assertThat(browser.findElement(By.id("timeline")).getDomAttribute("data-shown"))
                    .isEqualTo("0");

            // Frames posted through the API, as a camera client would: the page follows.
            assertThat(frame(teacher, consented, Media.astronaut()).status()).isEqualTo(201);
            wait.until(ExpectedConditions.textToBe(By.id("count-frames"), "1"));
            wait.until(ExpectedConditions.textToBe(By.id("count-faces"), "1"));
            wait.until(ExpectedConditions.attributeToBe(By.id("timeline"), "data-shown", "1"));
            wait.until(ExpectedConditions.textToBe(By.id("disclosure"), "consented"));
            assertThat(chartTotal(browser)).isCloseTo(1.0, Offset.offset(0.01));
            assertThat(chartHappiness(browser)).isGreaterThan(0.3);
            for (int i = 0; i < 3; i++) {
                Thread.sleep(2_500); // spread over several 5 s buckets for the screenshot
                assertThat(frame(teacher, consented, Media.astronaut()).status()).isEqualTo(201);
            }
            wait.until(ExpectedConditions.textToBe(By.id("count-frames"), "4"));
            Response clip = api.upload("/api/sessions/" + consented + "/audio", teacher, "file",
                    "speech.wav", "audio/wav", Media.speech());
            assertThat(clip.status()).as(clip.text()).isEqualTo(201);
            wait.until(ExpectedConditions.textToBe(By.id("count-audio"), "1"));
            new Select(browser.findElement(By.id("bucket"))).selectByValue("PT5S");
            wait.until(d -> Integer.parseInt(d.findElement(By.id("timeline"))
                    .getDomAttribute("data-buckets")) >= 2);
            assertThat(browser.findElement(By.id("session-summary")).getText())
                    .contains("happiness");
            screenshot(browser, Path.of("target", "dashboard.png"));

            // Without consent and with one face per frame, affect is withheld and the page
            // says why, in the server's words.
            browser.findElement(By.id("start-title")).sendKeys("Without consent");
            browser.findElement(By.id("start")).click();
            wait.until(d -> selectedSession(d) != consented);
            long withheld = selectedSession(browser);
            wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
            assertThat(frame(teacher, withheld, Media.astronaut()).status()).isEqualTo(201);
            wait.until(ExpectedConditions.textToBe(By.id("count-frames"), "1"));
            wait.until(ExpectedConditions.textToBe(By.id("disclosure"), "withheld"));
            assertThat(text(browser, "withheld-reason"))
                    .contains("fewer than the minimum of 3");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-note")));
            assertThat(text(browser, "timeline-note")).contains("withheld");
            assertThat(browser.findElement(By.id("timeline")).getDomAttribute("data-shown"))
                    .isEqualTo("0");
            assertThat(text(browser, "session-summary")).doesNotContain("happiness");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("classroom-summary"), "2 (1 disclosed, 1 withheld)"));

            // Another client starts a session in the classroom: it appears in the page's list,
            // which keeps showing the session it showed.
            long elsewhere = api.startSession(teacher, classroom, "Started elsewhere", false);
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return Array.from("
                    + "document.getElementById('session').options).some(o => o.value === '"
                    + elsewhere + "');").equals(Boolean.TRUE));
            assertThat(selectedSession(browser)).isEqualTo(withheld);

            // Another client ends the shown session: the page says so at once, without a
            // reload, and no longer offers to end it or calls it live.
            assertThat(api.post("/api/sessions/" + withheld + "/end", teacher).status())
                    .isEqualTo(200);
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "ended"));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "ended"));
            assertThat(browser.findElement(By.id("end")).isEnabled()).isFalse();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"),
                    "Without consent · ended"));

            // A second page (another tab, signed in on its own: the token is kept per tab)
            // shows the newest session, the one started elsewhere.
            String firstPage = browser.getWindowHandle();
            browser.switchTo().newWindow(WindowType.TAB);
            String secondPage = browser.getWindowHandle();
            browser.get("http://127.0.0.1:" + port + "/dashboard.html");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                    .sendKeys(teacher);
            browser.findElement(By.id("sign-in")).click();
            wait.until(d -> selectedSession(d) == elsewhere);
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "active"));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

            // The first page ends it: the second page follows.
            browser.switchTo().window(firstPage);
            new Select(browser.findElement(By.id("session")))
                    .selectByValue(String.valueOf(elsewhere));
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "active"));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("end"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "ended"));
            assertThat(browser.findElement(By.id("end")).isEnabled()).isFalse();
            assertThat(api.get("/api/sessions/" + elsewhere, teacher).json().path("status")
                    .asText()).isEqualTo("ended");
            browser.switchTo().window(secondPage);
            wait.until(ExpectedConditions.textToBe(By.id("session-status"), "ended"));
            wait.until(ExpectedConditions.textToBe(By.id("live"), "ended"));
            assertThat(browser.findElement(By.id("end")).isEnabled()).isFalse();
        } finally {
            browser.quit();
            service.stop();
        }
    }

    /** The selected session's id, read in one step (the list is re-rendered as events arrive). */
    private static long selectedSession(WebDriver browser) {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('session').value;");
        return value == null || value.toString().isEmpty() ? -1 : Long.parseLong(value.toString());
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The sum of the shares drawn in the chart's last bar: a distribution sums to 1. */
    private static double chartTotal(WebDriver browser) {
        Object total = ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart('timeline'); const last = c.data.labels.length - 1;"
                        + " return c.data.datasets.reduce((s, d) => s + (d.data[last] || 0), 0);");
        return ((Number) total).doubleValue();
    }

    /** The happiness share drawn in the chart's last bar (the sample photo smiles). */
    private static double chartHappiness(WebDriver browser) {
        Object share = ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart('timeline'); const last = c.data.labels.length - 1;"
                        + " return c.data.datasets.find(d => d.label === 'happiness')"
                        + ".data[last] || 0;");
        return ((Number) share).doubleValue();
    }

    private static void screenshot(WebDriver browser, Path file) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
    }
}
