package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Subscribing and sharing on a phone (issue 19 part 2), in Chromium at 360 px in fi, sv and en: an activity's page
 * offers its own feed and its place's in plain words, axe-core clean, with touch-sized targets; the share button
 * (pressed with the keyboard) copies the activity's address and says so in the status line when there is no share
 * sheet (headless Chromium has none), and hands the address to the share sheet where there is one; an occurrence's
 * page offers the one occurrence's file.
 */
@IntegrationTest
@Tag("browser")
class SubscribeBrowserTest extends BrowserPageTest {

    static final Map<String, String> COPIED = Map.of("fi", "Linkki on kopioitu. Voit liittää sen viestiin.",
            "sv", "Länken är kopierad. Du kan klistra in den i ett meddelande.",
            "en", "The link is copied. You can paste it into a message.");

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;

    long club;

    @BeforeAll
    void world() {
        long county = fx.county();
        String muni = fx.municipality(county);
        long place = fx.place(fx.area(county, muni), muni, fx.organisation(OrganisationType.PARISH, null, county));
        ActivityForm f = IcsFeedTest.form(place, "PARISH_FAMILY_CLUB", "Vauvakerho", "Babyklubb", "WEEKLY",
                "2026-08-10", "2027-06-30", "9:30", "11:30");
        f.weekdays.add("TUESDAY");
        club = activities.create(IcsFeedTest.ADMIN, f);
    }

    @Test
    void aFamilySubscribesToTheActivityAndSharesItOnAPhone() {
        String address = "http://localhost:" + port + "/calendar/activities/" + club;
        ((ChromeDriver) driver).executeCdpCommand("Browser.grantPermissions", Map.of("origin",
                "http://localhost:" + port, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Dimension old = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(360, 800));
        try {
            for (String lang : LANGS) {
                String what = "activity (" + lang + ")";
                driver.get(url("/calendar/activities/" + club, lang));
                WebElement subscribe = driver.findElement(By.cssSelector(".subscribe-activity a.subscribe-link"));
                assertThat(subscribe.getAttribute("href")).as(what).isEqualTo("webcal://localhost:" + port
                        + "/calendar/activities/" + club + "/calendar.ics?lang=" + lang);
                assertThat(driver.findElement(By.id("subscribe-url-activity")).getAttribute("value")).as(what)
                        .isEqualTo(address + "/calendar.ics?lang=" + lang);
                for (WebElement target : driver.findElements(By.cssSelector(".subscribe-box a.button"))) {
                    assertThat(target.getRect().getHeight()).as(what + " " + target.getText()).isGreaterThanOrEqualTo(44);
                }
                Browser.assertAccessible(driver, what);
                Browser.assertFitsWidth(driver, 360, what);

                // no share sheet in headless Chromium: the address is copied and the status line says so
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertThat(js.executeScript("return typeof navigator.share")).as(what).isEqualTo("undefined");
                WebElement share = driver.findElement(By.cssSelector("a[data-share]"));
                assertThat(share.getAttribute("href")).isEqualTo(address);
                share.sendKeys(Keys.ENTER);
                WebElement status = driver.findElement(By.id("share-status"));
                Browser.await(driver, d -> !status.getText().isEmpty());
                assertThat(status.getText()).as(what).isEqualTo(COPIED.get(lang));
                assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
                assertThat(driver.getCurrentUrl()).as("stays on the page").isEqualTo(url("/calendar/activities/" + club, lang));
                Object copied = js.executeAsyncScript("var done = arguments[0];"
                        + "navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });");
                assertThat(copied).as(what).isEqualTo(address);
                Browser.assertAccessible(driver, what + " after sharing");
            }
            // where there is a share sheet, it gets the page's address and title
            driver.get(url("/calendar/activities/" + club, "sv"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("navigator.share = function (d) { window.shared = d; return Promise.resolve(); };");
            driver.findElement(By.cssSelector("a[data-share]")).click();
            Browser.await(driver, d -> js.executeScript("return window.shared ? window.shared.url : null") != null);
            assertThat(js.executeScript("return window.shared.url")).isEqualTo(address);
            assertThat(js.executeScript("return window.shared.title")).isEqualTo("Babyklubb");

            // an occurrence's page: only this time, or the whole activity
            for (String lang : LANGS) {
                driver.get(url("/calendar/activities/" + club + "/2026-12-01", lang));
                assertThat(driver.findElement(By.cssSelector(".subscribe-once a.subscribe-link")).getAttribute("href"))
                        .isEqualTo(address + "/2026-12-01.ics?lang=" + lang);
                Browser.assertAccessible(driver, "occurrence (" + lang + ")");
                Browser.assertFitsWidth(driver, 360, "occurrence (" + lang + ")");
            }
        } finally {
            driver.manage().window().setSize(old);
        }
    }

    @Test
    void theCalendarPageSaysWhatItsFeedHolds() {
        check("/calendar?weekday=TUESDAY");
        driver.get(url("/calendar?weekday=TUESDAY", "en"));
        assertThat(driver.findElement(By.cssSelector(".subscribe-filter")).getText())
                .contains("Subscribe to these results", "All activities that match your choices");
    }
}
