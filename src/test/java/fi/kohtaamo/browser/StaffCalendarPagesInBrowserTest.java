package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The calendar's staff pages (activities, a place's activities and a new one, an activity, its edit and delete and an
 * occurrence, the season change, school holidays) in Chromium in fi, sv and en; the activity form sent empty.
 */
@IntegrationTest
@Tag("browser")
class StaffCalendarPagesInBrowserTest extends StaffPagesInBrowser {

    @Override
    Part part() {
        return Part.CALENDAR;
    }

    @Test
    void activityFormSentEmpty() {
        // errors next to the fields and in the summary, still accessible
        for (String lang : LANGS) {
            driver.get(url(placePath + "/activities/new", lang));
            driver.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
            Browser.await(driver, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("#error-summary a"))).isNotEmpty();
            Browser.assertAccessible(driver, "activity form with errors (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "activity form with errors (" + lang + ")");
        }
    }
}
