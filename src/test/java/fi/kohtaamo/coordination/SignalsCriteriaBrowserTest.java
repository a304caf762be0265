package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The weak-signal and criteria pages in a real Chromium, in Finnish, Swedish and English, on the demo data: axe-core
 * finds nothing, nothing overflows a 360 px phone, forms sent with errors stay accessible, and a signal can be
 * recorded with the keyboard only.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsCriteriaBrowserTest {

    static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort int port;
    WebDriver driver;

    @BeforeAll
    void start() {
        driver = Browser.start();
        driver.get(url("/login", "fi"));
        driver.findElement(By.id("email")).sendKeys("koordinaattori@demo.kohtaamo.fi");
        driver.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(driver, d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    void check(String path, String lang) {
        driver.get(url(path, lang));
        String what = path + " (" + lang + ")";
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(what).isEqualTo(lang);
        assertThat(driver.findElements(By.cssSelector("h1"))).as(what).hasSize(1);
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    String first(String listPath, String selector) {
        driver.get(url(listPath, "fi"));
        String href = driver.findElement(By.cssSelector(selector)).getAttribute("href");
        return href.substring(href.indexOf("/admin"));
    }

    @Test
    void pagesAreAccessibleInEveryLanguage() {
        List<String> paths = new ArrayList<>(List.of("/admin/signals", "/admin/signals/new", "/admin/signals/summary",
                "/admin/signals/themes", "/admin/signals?state=FORWARDED_COUNTY", "/admin/criteria",
                "/admin/criteria?year=2025", "/admin/criteria/settings"));
        String year = "2026"; // the test clock's year
        paths.add(first("/admin/signals?year=" + year, "main table a[href*='/admin/signals/']"));
        paths.add(first("/admin/criteria?year=2025", "#criteria-overview table a"));
        for (String lang : LANGS) {
            for (String path : paths) {
                check(path, lang);
            }
        }
        // forms sent with errors: messages next to the fields and in the summary, still accessible
        for (String lang : LANGS) {
            driver.get(url("/admin/signals/new", lang));
            driver.findElement(By.id("f-body")).sendKeys("Soittakaa 040 123 4567");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.await(driver, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(driver.findElement(By.id("f-body")).getAttribute("aria-invalid")).isEqualTo("true");
            Browser.assertAccessible(driver, "signal form with errors (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "signal form with errors (" + lang + ")");
        }
    }

    @Test
    void aSignalIsRecordedWithTheKeyboardOnly() {
        driver.get(url("/admin/signals/new", "en"));
        driver.findElement(By.id("f-body")).sendKeys("Families ask for an evening group for fathers.");
        var area = driver.findElement(By.cssSelector("input[name=areaIds]"));
        var theme = driver.findElement(By.cssSelector("input[name=themeIds]"));
        // tab from the text to the first area and the first theme, ticking them with the space bar
        driver.findElement(By.id("f-body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 10 && !driver.switchTo().activeElement().equals(area); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(area);
        area.sendKeys(Keys.SPACE);
        for (int i = 0; i < 60 && !driver.switchTo().activeElement().equals(theme); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(theme);
        theme.sendKeys(Keys.SPACE);
        var submit = driver.findElement(By.cssSelector("main form button[type=submit]"));
        for (int i = 0; i < 60 && !driver.switchTo().activeElement().equals(submit); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(submit);
        submit.sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().matches(".*/admin/signals/[0-9]+.*"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("evening group for fathers");
    }
}
