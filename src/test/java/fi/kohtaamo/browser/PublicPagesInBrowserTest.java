package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every public page but the calendar's (see {@link CalendarPagesInBrowserTest}) in Finnish, Swedish and English, in a
 * real Chromium: axe-core finds nothing (and finds what it should on a faulty page), nothing overflows a 360 px
 * phone, the embedded widget renders, and the keyboard reaches the content. The staff pages: the subclasses of
 * {@link StaffPagesInBrowser}.
 */
@IntegrationTest
@Tag("browser")
class PublicPagesInBrowserTest extends BrowserPageTest {

    String firstPlacePath() {
        driver.get(url("/places", "fi"));
        String href = driver.findElement(By.cssSelector(".card-list li.card h3 a")).getAttribute("href");
        return href.substring(href.indexOf("/places/"));
    }

    @Test
    void theAccessibilityCheckFindsWhatItIsThereToFind() {
        // the checker as configured (violations only, run in the page) on a page with known faults: an image
        // without a text alternative, an unlabelled field, and no language
        driver.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                + "<img src='data:,'><input type='text'></main></body></html>");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Browser.assertAccessible(driver, "faulty page")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("image-alt").hasMessageContaining("label")
                .hasMessageContaining("html-has-lang");
    }

    @Test
    void publicPages() {
        String place = firstPlacePath();
        for (String lang : LANGS) {
            for (String path : List.of("/", "/places", "/places?municipality=049&kind=FAMILY_CAFE", place, "/login",
                    "/accessibility", "/places/999999999", "/places?municipality=999", "/calendar/poster",
                    "/calendar/poster?place=" + place.substring("/places/".length()),
                    "/calendar/poster.pdf?week=2026-W99",
                    "/places?municipality=049&near=municipality:049", "/places?municipality=235&view=map",
                    "/places?near=91,24")) {
                check(path, lang);
            }
        }
    }

    @Test
    void embeddedWidgetRendersInItsShadowRoot() {
        for (String lang : LANGS) {
            driver.get(url("/widget", lang));
            WebElement host = Browser.await(driver, d -> {
                        var hosts = d.findElements(By.cssSelector("#widget-example .kohtaamo-calendar"));
                        if (hosts.isEmpty() || hosts.get(0).getShadowRoot().findElements(By.cssSelector(".kw")).isEmpty()) {
                            return null;
                        }
                        return hosts.get(0);
                    });
            var title = host.getShadowRoot().findElement(By.cssSelector(".kw-title")).getText();
            assertThat(title).isEqualTo(switch (lang) {
                case "sv" -> "Familjekalender";
                case "en" -> "Family calendar";
                default -> "Perhekalenteri";
            });
            Browser.assertAccessible(driver, "/widget (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "/widget (" + lang + ")");
        }
    }

    @Test
    void keyboardReachesTheContentAndTheFilters() {
        driver.get(url("/places", "en"));
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        focused.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        // choose a municipality and submit the filters with the keyboard only
        WebElement municipality = driver.findElement(By.id("f-municipality"));
        municipality.sendKeys("Espoo");
        WebElement submit = driver.findElement(By.cssSelector("form.filters button[type=submit]"));
        for (int i = 0; i < 40 && !driver.switchTo().activeElement().equals(submit); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(submit);
        submit.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).contains("municipality=049");
    }
}
