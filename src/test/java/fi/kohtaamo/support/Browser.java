package fi.kohtaamo.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, with axe-core. Without Chromium the browser tests are
 * skipped with a message, unless KOHTAAMO_TEST_BROWSER=required (CI), when they fail.
 */
public final class Browser {

    static final File CHROMIUM = new File(System.getenv().getOrDefault("KOHTAAMO_CHROMIUM", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getenv().getOrDefault("KOHTAAMO_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    public static WebDriver start() {
        boolean available = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!available) {
            if ("required".equals(System.getenv("KOHTAAMO_TEST_BROWSER"))) {
                throw new IllegalStateException("KOHTAAMO_TEST_BROWSER=required but Chromium or ChromeDriver is missing at "
                        + CHROMIUM + " / " + DRIVER + " (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=fi");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // axe-core runs as one asynchronous script; on a loaded machine it took longer than the default 30 s.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return driver;
    }

    /**
     * The one way a browser test waits: polls the condition until it is true (or not null) for up to 20 seconds.
     * A page that is replaced while the condition reads it (a form posted, a redirect) throws a stale element
     * reference, or finds no rows yet where the condition reads the n-th (IndexOutOfBounds: CI once failed so); both
     * are a "not yet", so the wait goes on instead of failing the test on timing.
     */
    public static <V> V await(WebDriver driver, java.util.function.Function<? super WebDriver, V> condition) {
        return await(driver, 20, condition);
    }

    /** {@link #await(WebDriver, java.util.function.Function)} with its own limit, for a slow step such as an import. */
    public static <V> V await(WebDriver driver, int seconds, java.util.function.Function<? super WebDriver, V> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(IndexOutOfBoundsException.class)
                .until(condition::apply);
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and fails on any violation. */
    public static void assertAccessible(WebDriver driver, String what) {
        Results results = axe().analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe-core violations on " + what + ":\n" + report).isEmpty();
    }

    /**
     * axe-core with the WCAG 2.0/2.1 A and AA rules, asked for violations only: every rule still runs on every
     * node, but the nodes that pass are not sent back to the test (on a calendar week of 500 occurrences
     * that answer took most of the 17 s a check took), and run in the page itself rather than finished in a new
     * blank window each time (the pages hold no cross-origin frames).
     */
    static AxeBuilder axe() {
        com.deque.html.axecore.args.AxeRunOnlyOptions only = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).setLegacyMode(true);
    }

    /** On a phone-sized window, nothing may stick out sideways. */
    public static void assertFitsWidth(WebDriver driver, int width, String what) {
        Dimension old = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 800));
        try {
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow at " + width + " px on " + what)
                    .isLessThanOrEqualTo(0);
        } finally {
            driver.manage().window().setSize(old);
        }
    }
}
