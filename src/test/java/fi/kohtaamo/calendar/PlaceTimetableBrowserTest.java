package fi.kohtaamo.calendar;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The place page's timetable in Chromium at 360 and 1280 px in fi/sv/en: axe-clean, no sideways scrolling, rows
 * folded on a phone, the activity reached by keyboard; and the staff's warning about opening hours, axe-clean.
 */
@IntegrationTest
@Tag("browser")
class PlaceTimetableBrowserTest extends BrowserPageTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;

    long place;

    @BeforeEach
    void world() {
        if (place != 0) {
            return;
        }
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        place = fx.place(area, muni, fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        activities.create(ADMIN, activity("Perhekahvila ja vauvojen leikkihetki", "2026-08-17", "2026-12-18", "9:30", "TUESDAY"));
        activities.create(ADMIN, activity("Perhekahvila ja vauvojen leikkihetki", "2027-01-11", "2027-05-28", "9:30", "TUESDAY"));
        activities.create(ADMIN, activity("Isä-lapsikerho", "2026-08-17", "2026-12-18", "17:00", "THURSDAY"));
    }

    ActivityForm activity(String name, String from, String to, String start, String day) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = name;
        f.scheduleKind = "WEEKLY";
        f.weekdays.add(day);
        f.seasonStart = from;
        f.seasonEnd = to;
        f.startTime = start;
        f.endTime = start.startsWith("9") ? "11:30" : "19:00";
        f.ageMaxYears = "6";
        f.languages.add("fi");
        f.languages.add("sv");
        return f;
    }

    @Test
    void theTimetableFitsAPhoneAndADeskAndIsAccessible() {
        Dimension old = driver.manage().window().getSize();
        try {
            for (String lang : LANGS) {
                for (int width : List.of(360, 1280)) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    driver.get(url("/places/" + place, lang));
                    String what = "place page " + lang + " at " + width;
                    assertThat(driver.findElements(By.cssSelector("table.timetable"))).as(what).hasSize(2);
                    Browser.assertAccessible(driver, what);
                    WebElement row = driver.findElement(By.cssSelector("table.timetable tbody tr:not(.tt-day)"));
                    var time = row.findElement(By.cssSelector(".tt-time")).getRect();
                    var name = row.findElement(By.cssSelector(".tt-name")).getRect();
                    if (width == 360) {
                        // folded: the time above the activity, not beside it
                        assertThat(name.getY()).as(what).isGreaterThanOrEqualTo(time.getY() + time.getHeight());
                        Browser.assertFitsWidth(driver, 360, what);
                    } else {
                        assertThat(name.getX()).as(what).isGreaterThanOrEqualTo(time.getX() + time.getWidth());
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(old);
        }
    }

    @Test
    void theActivityIsReachedByKeyboard() {
        driver.manage().window().setSize(new Dimension(360, 900));
        driver.get(url("/places/" + place, "fi"));
        WebElement link = driver.findElement(By.cssSelector("table.timetable td.tt-name a"));
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 80 && !driver.switchTo().activeElement().equals(link); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(link);
        link.sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("/calendar/activities/"));
    }

    @Test
    void staffSeeTheWarningOnTheEditPage() {
        WebClient web = new WebClient(port);
        assertThat(web.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").status()).isEqualTo(302);
        var fields = with(formFields(web.get("/admin/places/" + place).html()), "periods[0].validFrom", "2026-08-01");
        fields = with(fields, "periods[0].opens[1]", "09:00");
        fields = with(fields, "periods[0].closes[1]", "11:00");
        assertThat(web.post("/admin/places/" + place, fields).status()).isEqualTo(302);
        login("admin@demo.kohtaamo.fi");
        for (String lang : LANGS) {
            driver.get(url("/admin/places/" + place + "?saved", lang));
            assertThat(driver.findElements(By.cssSelector("#hours-check li"))).as(lang).hasSize(2);
            Browser.assertAccessible(driver, "place form with the hours warning " + lang);
            Browser.assertFitsWidth(driver, 360, "place form with the hours warning " + lang);
        }
    }
}
