package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import pages in a real Chromium, in three languages: the form (also with errors) and a
 * preview with good and bad rows are axe-clean, fit a 360 px phone, and work from the keyboard.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityImportBrowserTest {

    @LocalServerPort int port;
    WebDriver driver;

    @BeforeAll
    void start() {
        driver = Browser.start();
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

    void check(String what) {
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    @Test
    void formAndPreviewAreAccessibleInEveryLanguage() throws Exception {
        driver.get(url("/login", "fi"));
        driver.findElement(By.id("email")).sendKeys("admin@demo.kohtaamo.fi");
        driver.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(driver, d -> !d.getCurrentUrl().contains("/login"));
        String edit = driver.findElement(By.cssSelector("main table a")).getAttribute("href");
        String importPath = edit.substring(edit.indexOf("/admin")) + "/import";

        Path csv = Files.createTempFile("kohtaamo-import", ".csv");
        Files.writeString(csv, ActivityImportTest.CSV, StandardCharsets.UTF_8);
        for (String lang : List.of("fi", "sv", "en")) {
            driver.get(url(importPath, lang));
            check("import form (" + lang + ")");
            // sent without a file: errors next to the fields and in the summary
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.await(driver, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(driver.findElement(By.id("f-importFile")).getAttribute("aria-invalid")).isEqualTo("true");
            check("import form with errors (" + lang + ")");
            // a file, chosen and sent with the keyboard
            driver.findElement(By.id("f-importFile")).sendKeys(csv.toString());
            WebElement submit = driver.findElement(By.cssSelector("main form button[type=submit]"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()",
                    driver.findElement(By.id("f-importFile")));
            for (int i = 0; i < 20 && !driver.switchTo().activeElement().equals(submit); i++) {
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
            }
            assertThat(driver.switchTo().activeElement()).isEqualTo(submit);
            submit.sendKeys(Keys.ENTER);
            Browser.await(driver, d -> !d.findElements(By.cssSelector("tr.import-error")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("tr.import-ok"))).hasSize(3);
            check("import preview (" + lang + ")");
        }
    }
}
