package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The staff pages of places, organisations and areas (the staff front page, a place's edit and delete, a new place)
 * and of mapping the places (the rounds, their summaries, a questionnaire) in Chromium in fi, sv and en; the front
 * page's sessions of today to count; the place form sent with errors.
 */
@IntegrationTest
@Tag("browser")
class StaffRegistryPagesInBrowserTest extends StaffPagesInBrowser {

    @Override
    Part part() {
        return Part.REGISTRY_AND_MAPPING;
    }

    @Test
    void theFrontPageStartsWithTodaysSessionsToCount() {
        // each with its counter (the counters are checked with the page)
        for (String lang : LANGS) {
            driver.get(url("/admin", lang));
            var today = driver.findElements(By.cssSelector("main section.todays-counts"));
            assertThat(today).as("today's sessions on /admin (" + lang + ")").hasSize(1);
            assertThat(today.get(0).findElements(By.cssSelector("li.card a[href*='/admin/counts/places/']")))
                    .as("count links on /admin (" + lang + ")").isNotEmpty();
        }
    }

    @Test
    void placeFormSentWithErrors() {
        // messages next to the fields, still accessible
        for (String lang : LANGS) {
            driver.get(url("/admin/places/new", lang));
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.await(driver, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".field-error"))).isNotEmpty();
            assertThat(driver.findElement(By.id("f-nameFi")).getAttribute("aria-invalid")).isEqualTo("true");
            Browser.assertAccessible(driver, "place form with errors (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "place form with errors (" + lang + ")");
        }
    }
}
