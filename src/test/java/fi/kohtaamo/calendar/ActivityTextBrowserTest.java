package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Activities held in other languages in Chromium: the demo's Arabic and Persian texts run from the right with their
 * lang on the public pages at 360 and 1280 px, axe-clean; staff add a text by keyboard; the calendar is filtered by
 * the activity's language with the keyboard in fi, sv and en.
 */
@IntegrationTest
@Tag("browser")
class ActivityTextBrowserTest extends BrowserPageTest {

    static final Map<String, String> ARABIC = Map.of("fi", "arabia", "sv", "arabiska", "en", "Arabic");

    @Autowired JdbcClient jdbc;

    long activity(String lang) {
        return jdbc.sql("select a.id from activity a join activity_text t on t.activity_id = a.id where t.lang = :l "
                + "and a.demo and a.published and a.season_start <= date '2026-11-25' and a.season_end >= date '2026-11-25' "
                + "order by a.id").param("l", lang).query(Long.class).list().get(0);
    }

    @Test
    void rightToLeftTextsAreMarkedAndAccessibleAt360And1280() {
        driver.manage().deleteAllCookies();
        for (String l : List.of("ar", "fa")) {
            long id = activity(l);
            for (int width : List.of(360, 1280)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                try {
                    for (String lang : LANGS) {
                        // the activity's page, then the page of its first coming occurrence that it links
                        List<String> paths = new java.util.ArrayList<>(List.of("/calendar/activities/" + id));
                        for (int p = 0; p < paths.size(); p++) {
                            String path = paths.get(p);
                            driver.get(url(path, lang));
                            String what = path + " " + lang + " " + width;
                            if (p == 0) {
                                driver.findElements(By.cssSelector("main a[href*='/calendar/activities/" + id + "/2']"))
                                        .stream().map(a -> path(a.getAttribute("href")).replaceAll("[?].*$", ""))
                                        .filter(h -> h.matches("/calendar/activities/" + id + "/[0-9]{4}-[0-9]{2}-[0-9]{2}"))
                                        .findFirst().ifPresent(paths::add);
                                assertThat(paths).as("an occurrence linked from " + what).hasSize(2);
                            }
                            WebElement text = driver.findElement(By.cssSelector("section.other-lang div[lang=" + l + "]"));
                            assertThat(text.getAttribute("dir")).as(what).isEqualTo("rtl");
                            // the browser lays the text out from the right
                            assertThat(text.getCssValue("direction")).as(what).isEqualTo("rtl");
                            Browser.assertAccessible(driver, what);
                            Browser.assertFitsWidth(driver, width, what);
                        }
                    }
                } finally {
                    driver.manage().window().setSize(new Dimension(1280, 900));
                }
            }
        }
    }

    @Test
    void staffAddATextByKeyboardAndFamiliesFilterByLanguage() {
        long id = activity("ar");
        login("admin@demo.kohtaamo.fi");
        driver.get(url("/admin/activities/" + id + "/texts", "en"));
        Browser.assertAccessible(driver, "texts page");
        Browser.assertFitsWidth(driver, 360, "texts page");
        // a bad code first: the error is in the page's language and nothing is stored
        driver.findElement(By.id("f-textLangOther")).sendKeys("zz");
        WebElement name = driver.findElement(By.id("f-textName"));
        name.sendKeys("ቡና ቤተሰብ");
        name.sendKeys(Keys.ENTER);
        Browser.await(driver, d -> !d.findElements(By.id("f-textLang-error")).isEmpty());
        assertThat(driver.findElement(By.id("f-textLang-error")).getText()).contains("not known");
        Browser.assertAccessible(driver, "texts page with errors");
        WebElement other = driver.findElement(By.id("f-textLangOther"));
        other.sendKeys(Keys.chord(Keys.CONTROL, "a"), "ti");
        driver.findElement(By.id("f-textName")).sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("saved=ti"));
        assertThat(driver.findElement(By.cssSelector("p[lang=ti]")).getAttribute("dir")).isEqualTo("ltr");
        // the edit page of the Arabic text writes from the right
        driver.get(url("/admin/activities/" + id + "/texts/ar", "sv"));
        assertThat(driver.findElement(By.id("f-textName")).getAttribute("dir")).isEqualTo("rtl");
        Browser.assertAccessible(driver, "text edit page");

        driver.manage().deleteAllCookies();
        for (String lang : LANGS) {
            driver.get(url("/calendar?date=2026-11-23", lang));
            WebElement select = driver.findElement(By.cssSelector("select[name=language]"));
            select.sendKeys(ARABIC.get(lang));
            select.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("language=ar"));
            List<WebElement> cards = driver.findElements(By.cssSelector("li.occurrence"));
            // every card is of an activity held in Arabic (other tests' activities share the database); the demo's
            // carry their Arabic names, right to left
            assertThat(cards).as(lang).isNotEmpty().allSatisfy(c -> assertThat(
                    c.findElements(By.cssSelector("ul.tags li")).stream().map(WebElement::getText))
                    .contains(ARABIC.get(lang)));
            assertThat(driver.findElements(By.cssSelector("li.occurrence p.other-lang-name[lang=ar][dir=rtl]")))
                    .as(lang).isNotEmpty();
            Browser.assertAccessible(driver, "filtered " + lang);
        }
    }
}
