package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The feedback pages in Chromium: axe-core finds nothing and nothing overflows 360 px in any language, in the usual,
 * child and kiosk modes; a family answers by keyboard only in fi, sv and en, a child with one key on a big face, and
 * the kiosk goes back to its start by itself and keeps no cookie. The staff pages are checked the same way.
 */
@IntegrationTest
@Tag("browser")
class FeedbackBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;

    long place() {
        return jdbc.sql("""
                select p.id from place p where p.published = true
                  and exists (select 1 from feedback f where f.place_id = p.id)
                order by p.id fetch first 1 rows only""").query(Long.class).single();
    }

    long answers(long place) {
        return jdbc.sql("select count(*) from feedback where place_id = :p").param("p", place).query(Long.class).single();
    }

    /** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
    WebElement tabTo(String css) {
        for (int i = 0; i < 30; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (driver.findElements(By.cssSelector(css)).contains(active)) {
                return active;
            }
        }
        throw new AssertionError("no focus on " + css);
    }

    void typeHere(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    @Test
    void everyFeedbackPageIsAccessibleInEveryLanguageAndMode() {
        driver.manage().deleteAllCookies();
        long p = place();
        for (String path : new String[] {"/places/" + p + "/feedback", "/places/" + p + "/feedback?child=1",
                "/places/" + p + "/feedback/kiosk", "/places/" + p + "/feedback/kiosk?child=1",
                "/places/" + p + "/feedback/thanks", "/places/" + p + "/feedback/thanks?child=1"}) {
            check(path);
        }
        login("mll@demo.kohtaamo.fi");
        check("/admin/participation/feedback");
        String texts = driver.findElements(By.cssSelector("a[href*='/admin/participation/feedback/places/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> !h.contains("card.pdf") && !h.contains("/sessions"))
                .findFirst().orElseThrow();
        // the answers per session (demo feedback falls in sessions and outside them), linked from the counts too
        String sessions = driver.findElements(By.cssSelector("a[href*='/sessions']")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElseThrow();
        check(path(texts));
        check(path(sessions));
    }

    @Test
    void aFamilyAnswersByKeyboardInEveryLanguage() {
        driver.manage().deleteAllCookies();
        long p = place();
        Map<String, String> thanks = Map.of("fi", "Kiitos!", "sv", "Tack!", "en", "Thank you!");
        for (String lang : LANGS) {
            long before = answers(p);
            driver.get(url("/places/" + p + "/feedback", lang));
            tabTo("input[name=face]");
            // the arrow keys move along the faces: from the happiest to the next one
            new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
            assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo("4");
            tabTo("textarea[name=best]");
            typeHere("Laulut " + lang);
            tabTo("textarea[name=wish]");
            typeHere("Lisää aikoja");
            tabTo("form button[type=submit]");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            Browser.await(driver, d -> d.getCurrentUrl().contains("/feedback/thanks"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(thanks.get(lang));
            assertThat(answers(p)).isEqualTo(before + 1);
            Browser.assertAccessible(driver, "thanks " + lang);
        }
        String best = jdbc.sql("select best_text from feedback where place_id = :p order by id desc fetch first 1 rows only")
                .param("p", p).query(String.class).single();
        assertThat(best).isEqualTo("Laulut en");
        // the usual page remembers nothing either
        assertThat(driver.manage().getCookies()).isEmpty();
    }

    @Test
    void theKioskTakesAChildsTapAndGoesBackToItsStartWithoutACookie() {
        driver.manage().deleteAllCookies();
        long p = place();
        long before = answers(p);
        driver.get(url("/places/" + p + "/feedback/kiosk?child=1", "sv"));
        WebElement face = tabTo("button[name=face]");
        assertThat(face.getAttribute("value")).isEqualTo("5");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        Browser.await(driver, d -> d.getCurrentUrl().contains("/feedback/thanks"));
        assertThat(answers(p)).isEqualTo(before + 1);
        Browser.assertAccessible(driver, "kiosk thanks");
        // back to the start by itself, for the next family
        Browser.await(driver, d -> d.getCurrentUrl().endsWith("/feedback/kiosk?child=1"));
        assertThat(driver.findElements(By.cssSelector("button[name=face]"))).hasSize(5);
        // the adults' kiosk by keyboard too
        driver.get(url("/places/" + p + "/feedback/kiosk", "en"));
        tabTo("input[name=face]");
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        tabTo("form button[type=submit]");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        Browser.await(driver, d -> d.getCurrentUrl().contains("/feedback/thanks"));
        assertThat(answers(p)).isEqualTo(before + 2);
        Browser.await(driver, d -> d.getCurrentUrl().endsWith("/feedback/kiosk"));
        assertThat(driver.manage().getCookies()).isEmpty();
    }
}
