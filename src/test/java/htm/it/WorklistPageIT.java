package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The worklist page in a real browser (Debian's headless Chromium, driven by Selenium): what a person signed
 * in as bob, and as admin, clicks. Skipped where no Chromium is installed (.ci/run installs it).
 */
class WorklistPageIT extends HtmServer {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    ChromeDriver browser;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium here: apt-get install chromium chromium-driver (as .ci/run does) to run the page's tests");
        profile = Files.createTempDirectory("htm-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--disable-sync",
                        "--disable-quic",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void bobSeesHisWorkClaimsCommentsCompletesAndSeesTheServersErrors() throws Exception {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String approve;
        String urgent;
        try (Api alice = new Api(base, ALICE)) {
            approve = alice.create("{\"name\": \"" + prefix + "-approve\", \"displayName\": \"Approve order 42\", "
                    + "\"description\": \"ACME wants 40 chairs\", \"priority\": 5, \"dueTime\": \""
                    + Instant.now().minusSeconds(3600) + "\", \"potentialOwners\": {\"users\": [\"bob\"]}, "
                    + "\"input\": {\"orderId\": 42, \"customer\": {\"name\": \"ACME\"}}, "
                    + "\"customProperties\": {\"region\": \"EU\"}}");
            urgent = alice.create("{\"name\": \"" + prefix + "-urgent\", \"displayName\": \"Check stock\", "
                    + "\"priority\": 1, \"potentialOwners\": {\"groups\": [\"reviewers\"]}}");
        }
        signIn("bob", "bob");
        assertFalse(browser.findElement(By.id("sign-in")).isDisplayed(), "signed in, the form goes away");
        tab("tab-available");
        filterByName(prefix, "2 tasks");
        // by priority, then due time; the overdue one marked
        wait.until(d -> rowTitles().equals(List.of("Check stock", "Approve order 42"))
                && row("Approve order 42").getText().contains("overdue"));
        screenshot("inbox");

        open("Approve order 42");
        assertEquals("ACME wants 40 chairs", text("task-description"));
        assertTrue(text("task-input").contains("orderId") && text("task-input").contains("ACME"), "input, readable");
        assertTrue(text("task-people").contains("bob"));
        assertTrue(text("task-properties").contains("EU"));
        assertEquals(List.of("Claim"), actionLabels(), "only what GET /task/actions allows");

        click("do-action_claim");
        wait.until(d -> actionLabels().contains("Complete…"));
        assertTrue(actionLabels().containsAll(List.of("Release", "Complete…", "Transfer…")));
        browser.findElement(By.id("comment-text")).sendKeys("looks fine");
        click("comment-send");
        wait.until(d -> text("comments").contains("looks fine"));
        screenshot("task");

        click("do-action_complete");
        browser.findElement(By.id("raw-toggle")).click();
        WebElement raw = browser.findElement(By.id("raw-output"));
        raw.clear();
        raw.sendKeys("{oops");
        click("complete-send");
        wait.until(d -> text("error").startsWith("The output is not JSON"));
        raw.clear();
        raw.sendKeys("{\"approved\": true}");
        click("complete-send");
        wait.until(d -> text("task-flags").startsWith("finished"));
        assertTrue(text("history").contains("complete"));
        try (Api alice = new Api(base, ALICE)) {
            assertTrue(alice.get(V1 + "task/" + approve + "/output").json().getBoolean("approved"));

            click("back");
            open("Check stock");
            alice.act(urgent, "terminate");
            click("do-action_claim");
            wait.until(d -> text("error").contains("STATE_TERMINATED"));
        }

        browser.manage().window().setSize(new Dimension(390, 844));
        click("back");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
        assertEquals("No tasks.", text("count"), "both taken care of; usable at a phone's width");
        click("sign-out");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    @Test
    void anAdministratorSeesEveryTaskSuspendsResumesTerminatesRestartsReleasesTransfersAndFails() {
        String prefix = "admin-page-" + UUID.randomUUID().toString().substring(0, 8);
        try (Api alice = new Api(base, ALICE)) {
            alice.create("{\"name\": \"" + prefix + "\", \"displayName\": \"Review contract\", "
                    + "\"potentialOwners\": {\"users\": [\"carol\"]}}");
        }
        signIn("bob", "wrong");
        wait.until(d -> text("error").contains("wrong"));
        signIn("admin", "admin");
        assertFalse(browser.findElement(By.id("tab-all")).getAttribute("hidden") != null, "admin sees All tasks");
        tab("tab-all");
        filterByName(prefix, "1 task");
        open("Review contract");
        click("do-action_suspend");
        wait.until(d -> text("task-flags").contains("suspended"));
        click("do-action_resume");
        wait.until(d -> !text("task-flags").contains("suspended"));
        click("do-action_terminate");
        wait.until(d -> text("task-flags").startsWith("terminated"));
        click("do-action_restart");
        wait.until(d -> text("task-flags").startsWith("ready"));

        click("do-action_claim");
        wait.until(d -> text("task-flags").startsWith("claimed"));
        click("do-action_cancelclaim");
        wait.until(d -> text("task-flags").startsWith("ready"));
        click("do-action_claim");
        click("do-action_transfer");
        browser.findElement(By.id("transfer-user")).sendKeys("carol");
        click("transfer-send");
        wait.until(d -> text("task-flags").contains("owner carol"));
        click("do-action_complete");
        browser.findElement(By.id("fault-name")).sendKeys("Rejected");
        browser.findElement(By.cssSelector("#output-fields .field-key")).sendKeys("reason");
        browser.findElement(By.cssSelector("#output-fields .field-value")).sendKeys("too expensive");
        click("complete-send");
        wait.until(d -> text("task-flags").startsWith("failed"));
    }

    @Test
    void theListFollowsTheEventsWithoutAReload() {
        String prefix = "live-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("bob", "bob");
        tab("tab-available");
        filterByName(prefix, "No tasks.");
        wait.until(d -> "true".equals(d.findElement(By.id("inbox")).getAttribute("data-live")));
        Object page = browser.executeScript("return window.performance.timeOrigin");
        try (Api alice = new Api(base, ALICE)) {
            String offered = alice.create("{\"name\": \"" + prefix + "-offered\", \"displayName\": \"Sign the lease\", "
                    + "\"potentialOwners\": {\"users\": [\"bob\", \"alice\"]}}");
            wait.until(d -> rowTitles().equals(List.of("Sign the lease"))
                    && text("count").equals("1 task"));
            assertEquals(200, alice.act(offered, "claim").status());
            wait.until(d -> rowTitles().isEmpty() && text("count").equals("No tasks."));
        }
        assertEquals(page, browser.executeScript("return window.performance.timeOrigin"), "the page was not reloaded");
    }

    private void signIn(String user, String password) {
        browser.get(base.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        click("sign-in-button");
        if (!password.equals("wrong")) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
            assertTrue(text("user-name").startsWith(user));
        }
    }

    private void tab(String id) {
        click(id);
        wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("aria-selected")));
    }

    /** Filters the list by a name prefix only this test's tasks have, and waits for the count it expects. */
    private void filterByName(String prefix, String expectedCount) {
        browser.findElement(By.id("filter-name")).sendKeys(prefix);
        browser.findElement(By.id("filter-name")).submit();
        wait.until(d ->
                d.findElement(By.id("task-rows")).getAttribute("data-query").contains("namePrefix=" + prefix)
                        && text("count").equals(expectedCount));
    }

    private List<String> rowTitles() {
        return browser.findElements(By.cssSelector("#task-rows .task-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private WebElement row(String title) {
        return browser.findElements(By.cssSelector("#task-rows tr")).stream()
                .filter(r -> r.getText().contains(title))
                .findFirst()
                .orElseThrow();
    }

    private void open(String title) {
        wait.until(d -> {
            d.findElement(By.linkText(title)).click();
            return true;
        });
        wait.until(d -> text("task-title").equals(title));
    }

    private List<String> actionLabels() {
        return browser.findElements(By.cssSelector("#actions button")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks the element as soon as it is there to be clicked (the page re-renders as answers arrive). */
    private void click(String id) {
        wait.until(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
