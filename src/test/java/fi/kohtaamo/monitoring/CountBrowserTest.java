package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counting at the door in Chromium at 360 px: the volunteer opens yesterday's occurrence, taps the
 * counters with the keyboard and saves in one go; the month grid; axe-core on every page in three
 * languages.
 */
@IntegrationTest
@Tag("browser")
class CountBrowserTest extends BrowserPageTest {

    @Test
    void aVolunteerCountsWithTheTapCountersAndTheKeyboard() {
        login("vapaaehtoinen@demo.kohtaamo.fi");

        driver.get(url("/admin/counts", "fi"));
        String day = driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[?&]lang=fi", "");
        assertThat(day).startsWith("/admin/counts/places/");
        // a day the place is open (the demo place opens one day a week), where its open day can be counted
        String dayPath = day + "?date=" + CountTest.openDayOnOrBefore(registry, Long.parseLong(day.replaceAll("^.*/", "")),
                CountTest.TUESDAY);
        check(dayPath);
        driver.get(url(dayPath, "fi"));
        List<WebElement> countables = driver.findElements(By.cssSelector("main .card-list h3 a"));
        // an uncounted one: the open day is always there and the demo leaves some occurrences uncounted
        WebElement target = countables.get(countables.size() - 1);
        for (WebElement a : driver.findElements(By.cssSelector("main .card-list li"))) {
            if (a.getText().contains("Ei vielä laskettu")) {
                target = a.findElement(By.cssSelector("h3 a"));
                break;
            }
        }
        String counter = target.getAttribute("href").replaceAll("^https?://[^/]+", "");
        check(counter);
        driver.get(url(counter, "fi"));
        WebElement adults = driver.findElement(By.id("f-adults"));
        WebElement plus = driver.findElement(By.cssSelector("button[data-target=f-adults][data-step='1']"));
        assertThat(plus.isDisplayed()).isTrue();
        int before = Integer.parseInt(adults.getAttribute("value"));
        plus.sendKeys(Keys.ENTER);
        plus.sendKeys(Keys.ENTER);
        plus.sendKeys(Keys.SPACE);
        assertThat(adults.getAttribute("value")).isEqualTo(String.valueOf(before + 3));
        assertThat(driver.findElement(By.id("counter-status")).getAttribute("textContent")).endsWith(": " + (before + 3));
        WebElement minus = driver.findElement(By.cssSelector("button[data-target=f-children1to2][data-step='-1']"));
        minus.sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.id("f-children1to2")).getAttribute("value")).isNotEqualTo("-1");
        driver.findElement(By.cssSelector("form.counter-form button[type=submit]")).sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("saved"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Laskettu: " + (before + 3) + " aikuista");

        check(day + "/month?month=2026-11");
        // the import form and a preview with problems, the file chosen as a user does
        check(day + "/import");
        driver.get(url(day + "/import", "fi"));
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("counts", ".csv");
            java.nio.file.Files.writeString(file, "date;activity;adults\n2026-10-02;;5\n2099-01-01;;=1+2\n");
            driver.findElement(By.id("f-file")).sendKeys(file.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("/import/preview"));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Mitään ei tuotu");
        Browser.assertAccessible(driver, "import preview");
        Browser.assertFitsWidth(driver, 360, "import preview");
        check("/admin/counts/places/" + day.replaceAll("^.*/", "") + "/month?month=2026-10");
    }

    @Autowired JdbcClient jdbc;
    @Autowired fi.kohtaamo.registry.Registry registry;

    /**
     * The month grid is saved in every language, as rendered: its hidden row keys once carried the date in the
     * page's locale (0/1.10.2026, 0/10/1/26), which only the Swedish page's format happened to match, and no test
     * submitted a page in more than one language.
     */
    @Test
    void theMonthGridIsSavedInEveryLanguage() {
        login("vapaaehtoinen@demo.kohtaamo.fi");
        driver.get(url("/admin/counts", "fi"));
        String day = path(driver.getCurrentUrl()).replaceAll("[?&]lang=fi", "");
        long place = Long.parseLong(day.replaceAll("^.*/", ""));
        for (String lang : LANGS) {
            driver.get(url(day + "/month?month=2026-09", lang));
            List<WebElement> keys = driver.findElements(By.cssSelector("main form input[name$='.key']"));
            assertThat(keys).as(lang).hasSizeGreaterThan(2);
            // a row near the start and one near the end, others in each language (a place open one day a week has
            // only four or five rows a month, so the second is the last one when they would meet)
            int first = LANGS.indexOf(lang);
            int[] rows = {first, keys.size() - 1 - first > first ? keys.size() - 1 - first : keys.size() - 1};
            java.util.Map<String, Integer> expected = new java.util.HashMap<>();
            for (int r : rows) {
                WebElement adults = driver.findElement(By.id("f-r" + r + "-adults"));
                String old = adults.getAttribute("value");
                int value = (old == null || old.isBlank() ? 0 : Integer.parseInt(old)) + 1;
                adults.clear();
                adults.sendKeys(String.valueOf(value));
                expected.put(keys.get(r).getAttribute("value"), value);
            }
            driver.findElement(By.cssSelector("main form[method=post] button[type=submit]")).sendKeys(Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("saved=")
                    || !d.findElements(By.cssSelector(".error-summary")).isEmpty());
            assertThat(driver.getCurrentUrl()).as(lang + ": " + driver.findElements(By.cssSelector(".error-summary"))
                    .stream().map(WebElement::getText).toList()).contains("saved=2");
            Browser.assertAccessible(driver, "month grid saved (" + lang + ")");
            expected.forEach((key, adults) -> {
                String[] k = key.split("/");
                assertThat(jdbc.sql("select adults from visit_count where place_id = :p and subject = :s and on_date = :d")
                        .param("p", place).param("s", Long.parseLong(k[0])).param("d", java.time.LocalDate.parse(k[1]))
                        .query(Integer.class).single()).as(lang + " " + key).isEqualTo(adults);
            });
        }
    }

    @Test
    void theReportPagesPassAxeOnAPhone() {
        login("koordinaattori@demo.kohtaamo.fi");
        check("/admin/reports");
        check("/admin/reports?from=2025-01-01&to=2025-12-31&breakdown=MUNICIPALITY");
        check("/admin/reports?from=2026-10-01&to=2026-10-31&breakdown=ORGANISER_TYPE&kind=FAMILY_CAFE");
        // the filter form by keyboard: choose a breakdown and submit
        driver.get(url("/admin/reports", "en"));
        WebElement breakdown = driver.findElement(By.id("f-breakdown"));
        new org.openqa.selenium.support.ui.Select(breakdown).selectByValue("AREA");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("breakdown=AREA"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("By area");
    }
}
