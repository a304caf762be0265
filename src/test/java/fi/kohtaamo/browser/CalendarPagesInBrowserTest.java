package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public calendar's pages (the county's week, a municipality's, by time, day and series views, an activity and
 * an occurrence, an unknown weekday, near a municipality) in Finnish, Swedish and English, in a real Chromium:
 * axe-core finds nothing and nothing overflows a 360 px phone.
 */
@IntegrationTest
@Tag("browser")
class CalendarPagesInBrowserTest extends BrowserPageTest {

    @Test
    void calendarPages() {
        driver.get(url("/calendar?municipality=049", "fi"));
        List<WebElement> links = driver.findElements(By.cssSelector("li.occurrence h3 a"));
        assertThat(links).as("demo programme in this week's Espoo calendar").isNotEmpty();
        String occurrence = links.get(0).getAttribute("href");
        occurrence = occurrence.substring(occurrence.indexOf("/calendar/"));
        String activity = occurrence.substring(0, occurrence.lastIndexOf('/'));
        // the whole county's week (some 500 occurrences) once; the same template in every language below
        check("/calendar", "fi");
        for (String lang : LANGS) {
            for (String path : List.of("/calendar?municipality=235", "/calendar?municipality=049&time=MORNING",
                    "/calendar?view=DAY&municipality=049", "/calendar?view=SERIES&municipality=235", activity,
                    occurrence, "/calendar?weekday=FUNDAY",
                    "/calendar?municipality=235&near=municipality:235")) {
                check(path, lang);
            }
        }
    }
}
