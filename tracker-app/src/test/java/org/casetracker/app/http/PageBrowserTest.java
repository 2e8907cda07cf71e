package org.casetracker.app.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The researcher's page in a real browser: Debian's {@code chromium}, driven through its {@code chromedriver} (the
 * paths are given: nothing is downloaded). Without them this test fails; it never skips ({@code .ci/run} installs
 * both). Screenshots of each step go to {@code target/screenshots/}.
 */
class PageBrowserTest extends RecordedAppTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriverService service;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(new File(CHROMIUM)).as("Debian's chromium (apt-get install chromium)").canRead();
        assertThat(new File(CHROMEDRIVER)).as("Debian's chromedriver (apt-get install chromium-driver)").canRead();
        profile = Files.createTempDirectory("chromium-profile");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", "--lang=en-US",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void theMotionIsPendingOnTheFifteenthAndDeniedOnTheTwentySecondChosenOnThePage() {
        open("/cases/" + FEDERAL + "?asOf=2021-01-15");
        assertThat(browser.findElement(By.id("shown-as-of")).getText()).isEqualTo("2021-01-15");
        assertThat(motionStatus()).isEqualTo("PENDING");
        assertThat(browser.findElements(By.id(FEDERAL + "-dkt-34"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("svg.timeline")).isDisplayed()).isTrue();
        screenshot("federal-as-of-2021-01-15");

        // the page's own date control, then its button: the URL becomes the link to share
        WebElement asOf = browser.findElement(By.id("asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2021-01-22'", asOf);
        submitWith(By.id("show"));
        assertThat(browser.getCurrentUrl()).contains("asOf=2021-01-22");
        assertThat(browser.findElement(By.id("shown-as-of")).getText()).isEqualTo("2021-01-22");
        assertThat(motionStatus()).isEqualTo("DENIED");
        assertThat(browser.findElement(By.id(FEDERAL + "-dkt-34")).getText()).contains("Order denying");
        screenshot("federal-as-of-2021-01-22");
        WebElement timeline = browser.findElement(By.cssSelector("svg.timeline"));
        assertThat(timeline.findElement(By.tagName("title")).getAttribute("textContent")).contains("Parler");
        assertThat(timeline.findElements(By.cssSelector("circle.dot"))).isNotEmpty();
        scrollTo(By.id("timeline-title"));
        screenshot("federal-timeline-as-of-2021-01-22");

        // narrowed to a phone's width the page still reads, and nothing is lost
        browser.manage().window().setSize(new Dimension(390, 1400));
        try {
            assertThat(motionStatus()).isEqualTo("DENIED");
            Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("the page does not scroll sideways on a phone").isLessThanOrEqualTo(0L);
            screenshot("federal-on-a-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    @Test
    void aRecorderSignsInRecordsAFilingAndSeesItOnTheDocket() {
        String caseId = openCase("2022-05-02");
        signInAsRecorder();
        open("/cases/" + caseId);

        fillFiling("12", "2022-05-09", "Motion to dismiss for failure to state a claim");
        submitWith(By.id("record-filing"));

        assertThat(browser.findElement(By.id("recorded")).getText()).contains(caseId + "-dkt-12");
        WebElement row = browser.findElement(By.id(caseId + "-dkt-12"));
        assertThat(row.getText()).contains("Motion to dismiss for failure to state a claim", "PENDING", "2022-05-09");
        scrollTo(By.id("recorded"));
        screenshot("recorded-through-the-form");
        http.get("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-12").expect(200);
    }

    @Test
    void anInvalidFormShowsTheErrorAtTheField() {
        String caseId = openCase("2022-05-02");
        signInAsRecorder();
        open("/cases/" + caseId);
        long events = storedEvents();

        fillFiling("13", "2022-05-09", "");
        submitWith(By.id("record-filing"));

        // the page comes back at the form, its errors in view
        assertThat(browser.getCurrentUrl()).endsWith("#record");
        WebElement error = browser.findElement(By.id("title-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-describedby")).isEqualTo("title-error");
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains(error.getText());
        // what was typed is kept, so only the title needs fixing
        assertThat(browser.findElement(By.id("filedBy")).getAttribute("value")).isEqualTo("Defendant Inc.");
        scrollTo(By.id("error-summary"));
        screenshot("error-at-the-field");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(browser.findElements(By.id(caseId + "-dkt-13"))).isEmpty();
    }

    private void signInAsRecorder() {
        open("/login");
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).sendKeys(Http.RECORDER);
            browser.findElement(By.id("password")).sendKeys(Http.RECORDER_PASSWORD);
            submitWith(By.id("sign-in"));
        }
        assertThat(browser.findElement(By.cssSelector("header.site .who")).getText()).contains(Http.RECORDER);
    }

    /**
     * Clicks a form's button and waits until the browser has left the page and loaded the answer. A click may return
     * before the navigation it starts: with Debian's chromium 156.0.8078.114 it did, and the test read the old page
     * (with the 156.0.8078.73 installed before, the same test had passed).
     */
    private static void submitWith(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(answer -> "complete".equals(
                ((JavascriptExecutor) answer).executeScript("return document.readyState")));
    }

    private void fillFiling(String entryNumber, String dateFiled, String title) {
        browser.findElement(By.id("entryNumber")).sendKeys(entryNumber);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("dateFiled")), dateFiled);
        new Select(browser.findElement(By.id("type"))).selectByValue("MOTION");
        browser.findElement(By.id("filedBy")).sendKeys("Defendant Inc.");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("citation")).sendKeys("https://example.org/docket (browser test)");
        new Select(browser.findElement(By.id("verification"))).selectByValue("VERIFIED");
    }

    private String motionStatus() {
        return browser.findElement(By.id(FEDERAL + "-dkt-2")).findElement(By.cssSelector(".motion")).getText();
    }

    private void scrollTo(By element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(element));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("could not keep the screenshot " + name, e);
        }
    }
}
