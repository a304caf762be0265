package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
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
 * The directory's staff pages in a real Chromium on the demo data, in Finnish, Swedish and English: axe-core finds
 * nothing and nothing overflows 360 px on the list, the service form (also sent with errors), the needs catalogue and
 * a reader's view; the county coordinator creates a service at 360 px.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryBrowserTest {

    static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    WebDriver coordinator;
    WebDriver reader;

    @BeforeAll
    void start() {
        coordinator = login("koordinaattori@demo.kohtaamo.fi");
        reader = login("vapaaehtoinen@demo.kohtaamo.fi".replace("vapaaehtoinen", "seurakunta"));
    }

    WebDriver login(String email) {
        WebDriver d = Browser.start();
        d.get(url("/login", "fi"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(d, x -> !x.getCurrentUrl().contains("/login"));
        return d;
    }

    @AfterAll
    void stop() {
        for (WebDriver d : new WebDriver[] {coordinator, reader}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    void check(WebDriver driver, String path, String lang) {
        driver.get(url(path, lang));
        String what = path + " (" + lang + ")";
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(what).isEqualTo(lang);
        assertThat(driver.findElements(By.cssSelector("h1"))).as(what).hasSize(1);
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    @Test
    void everyPageIsAccessibleInEveryLanguage() {
        long service = jdbc.sql("select id from guidance_service where demo = true and exists (select 1 from "
                + "guidance_service_text t where t.service_id = guidance_service.id) order by id")
                .query(Long.class).list().get(0);
        long owned = jdbc.sql("select s.id from guidance_service s join app_user u on u.id = s.owner_user_id "
                + "where u.email = 'seurakunta@demo.kohtaamo.fi' order by s.id").query(Long.class).list().get(0);
        long notOwned = jdbc.sql("select s.id from guidance_service s join app_user u on u.id = s.owner_user_id "
                + "where u.email <> 'seurakunta@demo.kohtaamo.fi' order by s.id").query(Long.class).list().get(0);
        for (String lang : LANGS) {
            for (String path : List.of("/admin/services", "/admin/services?unchecked=true", "/admin/services/new",
                    "/admin/services/" + service, "/admin/services/needs", "/admin/services/needs?edit=" + needInUse(), "/admin/services/" + service
                    + "/delete")) {
                check(coordinator, path, lang);
            }
            check(reader, "/admin/services/" + owned, lang);
            check(reader, "/admin/services/" + notOwned, lang);
            // a form sent with errors stays accessible
            coordinator.get(url("/admin/services/new", lang));
            coordinator.findElement(By.id("save")).click();
            Browser.await(coordinator, d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
            assertThat(coordinator.findElement(By.id("f-nameFi")).getAttribute("aria-invalid")).isEqualTo("true");
            Browser.assertAccessible(coordinator, "service form with errors (" + lang + ")");
            Browser.assertFitsWidth(coordinator, 360, "service form with errors (" + lang + ")");
        }
    }

    @Test
    void theCoordinatorCreatesAServiceAt360Px() {
        String name = "Vauvaperheiden uniryhmä " + System.nanoTime();
        coordinator.get(url("/admin/services/new", "sv"));
        coordinator.findElement(By.id("f-nameFi")).sendKeys(name);
        new Select(coordinator.findElement(By.id("f-serviceType"))).selectByValue("NGO_SERVICES");
        new Select(coordinator.findElement(By.id("f-organisationId"))).selectByIndex(1);
        coordinator.findElement(By.cssSelector("input[name=needs][value=sleep]")).click();
        coordinator.findElement(By.id("f-ageMax")).sendKeys("12");
        new Select(coordinator.findElement(By.id("f-ageMaxUnit"))).selectByValue("MONTHS");
        new Select(coordinator.findElement(By.id("f-channels-0-kind"))).selectByValue("PHONE");
        coordinator.findElement(By.id("f-channels-0-phone")).sendKeys("09 4000 1234");
        new Select(coordinator.findElement(By.id("f-channels-0-hours-0-kind"))).selectByValue("REGULAR");
        new Select(coordinator.findElement(By.id("f-channels-0-hours-0-weekday"))).selectByValue("1-5");
        // (a time input's typing differs by locale: set the values as a picker would)
        ((org.openqa.selenium.JavascriptExecutor) coordinator).executeScript(
                "document.getElementById('f-channels-0-hours-0-opens').value = '09:00';"
                        + "document.getElementById('f-channels-0-hours-0-closes').value = '12:00';");
        coordinator.findElement(By.id("save")).click();
        Browser.await(coordinator, d -> d.getCurrentUrl().contains("saved")
                || !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(coordinator.findElements(By.cssSelector(".error-summary"))).as(coordinator.getPageSource()
                .replaceAll("(?s).*(<div class=\"error-summary.*?</div>).*", "$1")).isEmpty();
        assertThat(jdbc.sql("select count(*) from guidance_hours h join guidance_channel c on c.id = h.channel_id "
                + "join guidance_service s on s.id = c.service_id where s.name_fi = :n").param("n", name)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select age_max_months from guidance_service where name_fi = :n").param("n", name)
                .query(Integer.class).single()).isEqualTo(12);
        Browser.assertAccessible(coordinator, "saved service (sv)");
    }

    long needInUse() {
        return jdbc.sql("select min(g.id) from guidance_need g join county c on c.id = g.county_id where c.code = 'LU' "
                + "and exists (select 1 from guidance_service_need n where n.need_code = g.code)").query(Long.class)
                .single();
    }

    /**
     * The one catalogue editor by keyboard at 360 px: a need's position typed and Enter moves it (the row's first
     * button), and deleting a need in use is refused with the message next to the field, accessibly.
     */
    @Test
    void theNeedsCatalogueIsKeptByKeyboard() {
        coordinator.get(url("/admin/services/needs", "en"));
        List<org.openqa.selenium.WebElement> rows = coordinator.findElements(By.cssSelector("table tbody tr"));
        String last = rows.get(rows.size() - 1).findElement(By.cssSelector("td a")).getText();
        org.openqa.selenium.WebElement position = rows.get(rows.size() - 1)
                .findElement(By.cssSelector("input[name=position]"));
        position.clear();
        position.sendKeys("1", org.openqa.selenium.Keys.ENTER);
        Browser.await(coordinator, d -> d.getCurrentUrl().contains("saved"));
        assertThat(coordinator.findElement(By.cssSelector("table tbody tr td a")).getText()).isEqualTo(last);
        // move it back with its Down button … to keep the demo's order for the other tests: up to the end by number
        int n = coordinator.findElements(By.cssSelector("table tbody tr")).size();
        org.openqa.selenium.WebElement back = coordinator.findElement(By.cssSelector("table tbody tr input[name=position]"));
        back.clear();
        back.sendKeys("" + n, org.openqa.selenium.Keys.ENTER);
        Browser.await(coordinator, d -> {
            List<org.openqa.selenium.WebElement> now = d.findElements(By.cssSelector("table tbody tr"));
            // the page being replaced has no rows yet: not yet
            return now.size() >= n && now.get(n - 1).findElement(By.cssSelector("td a")).getText().equals(last);
        });

        coordinator.get(url("/admin/services/needs?edit=" + needInUse(), "en"));
        coordinator.findElement(By.cssSelector("form[action$='/delete'] button")).click();
        Browser.await(coordinator, d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(coordinator.findElement(By.cssSelector(".error-summary")).getText()).contains("in use");
        Browser.assertAccessible(coordinator, "needs catalogue, delete refused");
        Browser.assertFitsWidth(coordinator, 360, "needs catalogue, delete refused");
    }
}
