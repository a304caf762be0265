package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Near me" in Chromium (issue 16 part 5): ordering by the browser's location reorders the server-rendered place
 * list and calendar day in fi, sv and en, with distances in the page's language, and no request at all carries the
 * location (navigator.geolocation is stubbed in the page; the page's resource timing shows every request it made).
 * The near pages are axe-core clean and fit 360 px.
 */
@IntegrationTest
@Tag("browser")
class NearMeBrowserTest extends BrowserPageTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);
    // the browser's stubbed location: beside the "close" place
    static final String LAT = "60.20571";
    static final String LON = "24.65612";

    @Autowired Fixtures fx;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired PublicDataCache cache;
    @Autowired ActivityService activities;

    String muni;
    long close, mid, far, unknown;

    @BeforeAll
    void world() {
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.PARISH, null, county);
        far = fx.place(area, muni, org);
        mid = fx.place(area, muni, org);
        close = fx.place(area, muni, org);
        unknown = fx.place(area, muni, org);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        NearMeTest.at(jdbc, far, 60.40, 24.90);
        NearMeTest.at(jdbc, mid, 60.25, 24.70);
        NearMeTest.at(jdbc, close, 60.2056, 24.6560);
        cache.changed();
        int hour = 9;
        for (long place : List.of(far, mid, close, unknown)) {
            ActivityForm f = new ActivityForm();
            f.placeId = String.valueOf(place);
            f.kind = "PARISH_FAMILY_CLUB";
            f.nameFi = "Kerho " + hour;
            f.scheduleKind = "WEEKLY";
            f.weekdays.add("THURSDAY");
            f.seasonStart = "2026-08-01";
            f.seasonEnd = "2027-05-31";
            f.startTime = String.format("%02d:00", hour);
            f.endTime = String.format("%02d:45", hour);
            f.languages.add("fi");
            activities.create(ADMIN, f);
            hour++;
        }
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /**
     * Replaces the browser's geolocation with one that answers the fixed point at once, and records every request
     * the page's scripts start (fetch, XMLHttpRequest, beacons) as they start it: resource timing lists a request
     * only once it has finished.
     */
    void stubLocation() {
        js().executeScript("window.nearSent = [];"
                + "var f = window.fetch; window.fetch = function (u) { nearSent.push(String(u)); return f.apply(this, arguments); };"
                + "var o = XMLHttpRequest.prototype.open; XMLHttpRequest.prototype.open = function (m, u) {"
                + " nearSent.push(String(u)); return o.apply(this, arguments); };"
                + "var b = navigator.sendBeacon; navigator.sendBeacon = function (u) { nearSent.push(String(u));"
                + " return b.apply(navigator, arguments); };");
        js().executeScript("Object.defineProperty(navigator, 'geolocation', {configurable: true, value: {"
                + "getCurrentPosition: function (ok) { ok({coords: {latitude: " + LAT + ", longitude: " + LON
                + ", accuracy: 10}}); }}});");
    }

    @SuppressWarnings("unchecked")
    List<String> requests() {
        return (List<String>) js().executeScript("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
    }

    /** Clicks "order by my location" and returns the order the page then shows, checking no request was made. */
    void orderByDevice(String path, String lang) {
        driver.get(url(path, lang));
        String before = driver.getCurrentUrl();
        stubLocation();
        List<String> requestsBefore = requests();
        WebElement button = driver.findElement(By.cssSelector("[data-near-device]"));
        assertThat(button.isDisplayed()).as("the script shows the button").isTrue();
        button.click();
        String done = button.getAttribute("data-done");
        Browser.await(driver, d -> done.equals(d.findElement(By.id("near-status")).getText()));
        assertThat(driver.getCurrentUrl()).isEqualTo(before);
        List<String> after = requests();
        assertThat(after).as("no request after the location was read").isEqualTo(requestsBefore);
        assertThat((List<?>) js().executeScript("return window.nearSent;")).as("no request started by a script").isEmpty();
        assertThat(String.join(" ", after)).doesNotContain(LAT).doesNotContain(LON).doesNotContain("60.2057")
                .doesNotContain("24.656");
        assertThat(driver.manage().getCookies().toString()).doesNotContain("60.2");
        assertThat((String) js().executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                .doesNotContain("60.2");
    }

    List<Long> placeOrder() {
        return driver.findElements(By.cssSelector("ul[data-near-list] > li")).stream()
                .map(li -> Long.parseLong(li.getAttribute("data-href").replaceAll(".*/", ""))).toList();
    }

    @Test
    void theBrowsersLocationReordersThePlaceListWithoutSendingIt() {
        for (String lang : LANGS) {
            driver.get(url("/places?municipality=" + muni, lang));
            assertThat(placeOrder()).as("the server's order").containsExactly(far, mid, close, unknown);
            orderByDevice("/places?municipality=" + muni, lang);
            assertThat(placeOrder()).as(lang).containsExactly(close, mid, far, unknown);
            String midDistance = driver.findElement(By.cssSelector("li[data-href$='/" + mid + "'] [data-near-distance]"))
                    .getText();
            assertThat(midDistance).as(lang).matches(lang.equals("en") ? "^5\\.[0-9]\\s?km$" : "^5,[0-9]\\s?km$");
            assertThat(driver.findElement(By.cssSelector("li[data-href$='/" + unknown + "'] [data-near-distance]"))
                    .isDisplayed()).isFalse();
            Browser.assertAccessible(driver, "places ordered by location (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "places ordered by location (" + lang + ")");
        }
    }

    @Test
    void theBrowsersLocationReordersACalendarDayWithoutSendingIt() {
        String day = "/calendar?municipality=" + muni + "&date=2026-11-26&view=DAY";
        for (String lang : LANGS) {
            orderByDevice(day, lang);
            List<Long> order = driver.findElements(By.cssSelector("ul.occurrences > li p.muted a")).stream()
                    .map(a -> Long.parseLong(a.getAttribute("href").replaceAll(".*/", ""))).toList();
            assertThat(order).as(lang).containsExactly(close, mid, far, unknown);
            Browser.assertAccessible(driver, "calendar ordered by location (" + lang + ")");
        }
    }

    @Test
    void nearPagesAreAccessibleAndFitAPhone() {
        check("/places?municipality=" + muni + "&near=place:" + close);
        check("/places?municipality=" + muni + "&near=municipality:" + muni + "&view=map");
        check("/calendar?municipality=" + muni + "&near=place:" + close + "&date=2026-11-26");
        check("/places?near=500,500");
    }
}
