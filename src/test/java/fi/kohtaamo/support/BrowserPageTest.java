package fi.kohtaamo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of page tests in Chromium (annotate the subclass with {@code @IntegrationTest} and
 * {@code @Tag("browser")}): one browser per class, addresses with a language, signing in through the real
 * form, and the check every page gets (its lang attribute, axe-core, 360 px).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserPageTest {

    public static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort
    protected int port;
    protected WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    public String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** The path and query of an absolute address on the test server. */
    public static String path(String href) {
        return href.replaceAll("^https?://[^/]+", "");
    }

    /** Opens the page in each language and checks its lang attribute, accessibility and fit on a phone. */
    public void check(String path) {
        for (String lang : LANGS) {
            check(path, lang);
        }
    }

    /** Opens the page in one language and checks its lang attribute, accessibility and fit on a phone. */
    public void check(String path, String lang) {
        driver.get(url(path, lang));
        String what = path + " (" + lang + ")";
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(what).isEqualTo(lang);
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    /** Signs in as a demo account through the login form, with the keyboard. */
    public void login(String email) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login", "fi"));
        driver.findElement(By.id("email")).sendKeys(email);
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys("demo-password-for-tests");
        password.sendKeys(Keys.ENTER);
        Browser.await(driver, d -> !d.getCurrentUrl().contains("/login"));
    }
}
