package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PTV import's pages in a real Chromium at 360 px, in fi, sv and en: the county chooser, the form (also with
 * errors), a preview with new and refused services, and a re-import's preview with a conflict to decide are
 * axe-clean and fit a phone.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PtvImportBrowserTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
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

    void waitFor(String css) {
        try {
            Browser.await(driver, 90, d -> !d.findElements(By.cssSelector(css)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    @Test
    void formAndPreviewsAreAccessibleInEveryLanguage() throws Exception {
        long county = fx.county();
        fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        driver.get(url("/login", "fi"));
        driver.findElement(By.id("email")).sendKeys("admin@demo.kohtaamo.fi");
        driver.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(driver, d -> !d.getCurrentUrl().contains("/login"));

        Path first = Files.createTempFile("kohtaamo-ptv", ".json");
        Files.write(first, PtvImportTest.fixture("services.json"));
        Path changed = Files.createTempFile("kohtaamo-ptv-changed", ".json");
        Files.write(changed, PtvImportTest.fixture("services-changed.json"));
        for (String lang : List.of("fi", "sv", "en")) {
            driver.get(url("/admin/services/import", lang));
            check("county chooser (" + lang + ")");
            driver.get(url("/admin/services/import?county=" + county, lang));
            check("PTV import form (" + lang + ")");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitFor(".field-error");
            assertThat(driver.findElement(By.id("f-ptvFile")).getAttribute("aria-invalid")).isEqualTo("true");
            check("PTV import form with errors (" + lang + ")");

            driver.findElement(By.id("f-ptvFile")).sendKeys((lang.equals("fi") ? first : changed).toString());
            new Select(driver.findElement(By.id("f-ptvOrganisation"))).selectByIndex(1);
            new Select(driver.findElement(By.id("f-ptvServiceType"))).selectByIndex(1);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitFor("#rows-caption");
            if (lang.equals("fi")) {
                assertThat(driver.findElements(By.cssSelector("tr.ptv-new"))).hasSize(2);
                assertThat(driver.findElements(By.cssSelector("tr.ptv-invalid"))).hasSize(2);
                check("PTV import preview (" + lang + ")");
                driver.findElement(By.cssSelector("#ptv-confirm button[type=submit]")).click();
                waitFor(".notice");
                check("PTV import done (" + lang + ")");
                jdbc.sql("update guidance_service set locally_edited = true where county_id = :c and ptv_id = :p")
                        .param("c", county).param("p", PtvImportTest.CRISIS).update();
            } else {
                assertThat(driver.findElements(By.cssSelector("tr.ptv-conflict input[type=radio]"))).hasSize(2);
                check("PTV re-import preview with a conflict (" + lang + ")");
            }
        }
    }
}
