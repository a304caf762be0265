package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wishes board, Huomaa minut! and accessibility feedback in a real Chromium on the demo data, in Finnish,
 * Swedish and English: axe-core finds nothing and nothing overflows 360 px on every public and staff page; a family
 * writes a wish with the keyboard only, and the county coordinator publishes and answers it; an observation is
 * recorded with the keyboard only.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationBrowserTest {

    static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RateLimits limits;
    WebDriver family;
    WebDriver staff;

    @BeforeAll
    void start() {
        limits.clear();
        family = Browser.start();
        staff = Browser.start();
        staff.get(url("/login", "fi"));
        staff.findElement(By.id("email")).sendKeys("koordinaattori@demo.kohtaamo.fi");
        staff.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        staff.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(staff, d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    void stop() {
        if (family != null) {
            family.quit();
        }
        if (staff != null) {
            staff.quit();
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

    long one(String sql) {
        return jdbc.sql(sql).query(Long.class).list().get(0);
    }

    /** Tabs from where the focus is until the element has it; fails if it never does. */
    void tabTo(WebDriver driver, WebElement target) {
        for (int i = 0; i < 80 && !driver.switchTo().activeElement().equals(target); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(target);
    }

    @Test
    void everyPageIsAccessibleInEveryLanguage() {
        long place = one("select place_id from wish where status = 'PUBLISHED' and place_id is not null "
                + "and answer is not null order by id");
        long area = one("select area_id from wish where place_id = " + place);
        long pending = one("select id from wish where status = 'PENDING' order by id");
        long published = one("select id from wish where status = 'PUBLISHED' and place_id = " + place + " order by id");
        long observed = one("select place_id from observation group by place_id having count(*) >= 5");
        long observation = one("select id from observation where place_id = " + observed + " order by id");
        long feedback = one("select id from accessibility_feedback order by id");
        List<String> publicPages = List.of("/wishes", "/wishes/areas/" + area, "/places/" + place + "/wishes",
                "/places/" + place, "/accessibility");
        List<String> staffPages = new ArrayList<>(List.of("/admin/participation/wishes",
                "/admin/participation/observations",
                "/admin/participation/wishes?status=ALL", "/admin/participation/wishes/" + pending,
                "/admin/participation/wishes/" + published, "/admin/participation/observations?place=" + observed
                        + "&from=2026-08-01&to=2026-11-25",
                "/admin/participation/observations/places/" + observed + "/new",
                "/admin/participation/observations/" + observation, "/admin/participation/observations/themes",
                "/admin/participation/accessibility", "/admin/participation/accessibility/" + feedback));
        for (String lang : LANGS) {
            for (String path : publicPages) {
                check(family, path, lang);
            }
            for (String path : staffPages) {
                check(staff, path, lang);
            }
            // forms sent with errors stay accessible
            family.get(url("/places/" + place + "/wishes", lang));
            family.findElement(By.id("f-wish")).sendKeys("Soittakaa 040 123 4567");
            family.findElement(By.cssSelector("main form:not(.inline) button[type=submit]")).click();
            Browser.await(family, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(family.findElement(By.id("f-wish")).getAttribute("aria-invalid")).isEqualTo("true");
            Browser.assertAccessible(family, "wish with errors (" + lang + ")");
            Browser.assertFitsWidth(family, 360, "wish with errors (" + lang + ")");
            family.get(url("/accessibility", lang));
            family.findElement(By.cssSelector("form[action*='/accessibility/feedback'] button[type=submit]")).click();
            Browser.await(family, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            Browser.assertAccessible(family, "accessibility feedback with errors (" + lang + ")");
            Browser.assertFitsWidth(family, 360, "accessibility feedback with errors (" + lang + ")");
        }
    }

    @Test
    void aFamilyWritesAWishAndStaffPublishAndAnswerIt() {
        long place = one("select place_id from wish where status = 'PUBLISHED' and place_id is not null order by id");
        String text = "We would love a baby swimming trip " + System.nanoTime();
        family.get(url("/places/" + place + "/wishes", "en"));
        WebElement box = family.findElement(By.id("f-wish"));
        box.sendKeys(text);
        WebElement send = family.findElement(By.cssSelector("main form:not(.inline) button[type=submit]"));
        box.sendKeys(Keys.TAB);
        tabTo(family, send);
        send.sendKeys(Keys.ENTER);
        Browser.await(family, d -> d.getCurrentUrl().contains("sent"));
        assertThat(family.findElement(By.cssSelector("main")).getText()).contains("Thank you").doesNotContain(text);
        long id = one("select id from wish where body = '" + text + "'");

        staff.get(url("/admin/participation/wishes", "en"));
        staff.findElement(By.cssSelector("main table a[href$='/admin/participation/wishes/" + id + "']")).click();
        WebElement publish = staff.findElement(By.cssSelector("form[action$='/publish'] button"));
        publish.sendKeys(Keys.ENTER);
        Browser.await(staff, d -> d.getCurrentUrl().contains("saved"));
        WebElement answer = staff.findElement(By.id("f-answer"));
        answer.sendKeys("We will ask the swimming hall about a spring trip.");
        new org.openqa.selenium.support.ui.Select(staff.findElement(By.id("f-wishState"))).selectByValue("CONSIDERING");
        WebElement save = staff.findElement(By.cssSelector("form[action$='/answer'] button"));
        save.sendKeys(Keys.ENTER);
        // the page was already at ?saved from publishing: wait for the answer's own reload
        Browser.await(staff, org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(save));

        family.get(url("/places/" + place + "/wishes", "en"));
        String shown = family.findElement(By.id("wish-" + id)).getText();
        assertThat(shown).contains(text).contains("Under consideration").contains("spring trip");
        // supported once from this browser, by keyboard
        family.findElement(By.cssSelector("#wish-" + id + " form button")).sendKeys(Keys.ENTER);
        Browser.await(family, d -> d.findElements(By.cssSelector("#wish-" + id + " form")).isEmpty());
        assertThat(family.findElement(By.id("wish-" + id)).getText()).contains("You support this wish");
        Browser.assertAccessible(family, "supported wish");
    }

    @Test
    void anObservationIsRecordedWithTheKeyboardOnly() {
        Map<String, Object> session = jdbc.sql("select place_id, activity_id, session_date from observation order by id")
                .query().listOfRows().get(0);
        String path = "/admin/participation/observations/places/" + session.get("place_id") + "/new?activity="
                + session.get("activity_id") + "&date=" + session.get("session_date");
        staff.get(url(path, "en"));
        assertThat(staff.findElement(By.cssSelector("main")).getText()).contains("Do not write the child's");
        long before = one("select count(*) from observation");
        WebElement band = staff.findElement(By.cssSelector("input[name=ageBand][value=AGE_3_4]"));
        staff.findElement(By.id("f-sessionDate")).sendKeys(Keys.TAB);
        tabTo(staff, staff.findElement(By.cssSelector("input[name=ageBand]")));
        // arrow keys move within a radio group
        for (int i = 0; i < 3 && !band.isSelected(); i++) {
            staff.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(band.isSelected()).isTrue();
        staff.switchTo().activeElement().sendKeys(Keys.TAB);
        staff.switchTo().activeElement().sendKeys(Keys.SPACE);
        staff.switchTo().activeElement().sendKeys(Keys.TAB);
        staff.switchTo().activeElement().sendKeys("Built a tower with two other children.");
        WebElement enjoyed = staff.findElement(By.id("f-enjoyed"));
        tabTo(staff, enjoyed);
        enjoyed.sendKeys("Knocking the tower down.");
        WebElement save = staff.findElement(By.cssSelector("main form button[type=submit]"));
        tabTo(staff, save);
        save.sendKeys(Keys.ENTER);
        Browser.await(staff, d -> d.getCurrentUrl().contains("saved"));
        assertThat(one("select count(*) from observation")).isEqualTo(before + 1);
        assertThat(one("select count(*) from observation where enjoyed = 'Knocking the tower down.' "
                + "and with_children = 'Built a tower with two other children.' and age_band = 'AGE_3_4'")).isEqualTo(1);
        Browser.assertAccessible(staff, "observation saved");
    }
}
