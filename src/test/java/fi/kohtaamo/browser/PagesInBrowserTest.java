package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every public page and every staff page reachable from the staff menu, in Finnish, Swedish and
 * English, in a real Chromium: axe-core finds nothing, nothing overflows a 360 px phone, and the
 * keyboard reaches the content.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserTest {

    static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeAll
    void start() {
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    void check(String path, String lang) {
        driver.get(url(path, lang));
        String what = path + " (" + lang + ")";
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(what).isEqualTo(lang);
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

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

    @org.springframework.beans.factory.annotation.Autowired
    fi.kohtaamo.calendar.internal.ActivityService activityService;

    /** A weekly activity at the place with a cancelled occurrence and a pause, so that every staff calendar page has content. */
    void ensureAnActivity(long placeId) {
        var admin = new fi.kohtaamo.shared.Actor(1, "Admin", fi.kohtaamo.shared.Role.ADMIN, null, Set.of(), null, null, null);
        if (!activityService.activitiesOfPlace(admin, placeId).isEmpty()) {
            return;
        }
        var f = new fi.kohtaamo.calendar.internal.ActivityForm();
        f.placeId = String.valueOf(placeId);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Selaintestin perhekahvila";
        f.weekdays.add("TUESDAY");
        f.weekdays.add("THURSDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-06-30";
        f.startTime = "09:30";
        f.endTime = "11:30";
        long id = activityService.create(admin, f);
        activityService.cancelOccurrence(admin, id, "2026-12-01",
                new fi.kohtaamo.calendar.internal.ActivityService.LocalizedTextForm("Ohjaaja sairas", null, null));
        activityService.pause(admin, id, "2027-01-01", "2027-01-10",
                new fi.kohtaamo.calendar.internal.ActivityService.LocalizedTextForm("Joulutauko", "Jullov", null));
    }

    @Test
    void staffPagesAfterLogin() {
        driver.get(url("/login", "fi"));
        driver.findElement(By.id("email")).sendKeys("admin@demo.kohtaamo.fi");
        driver.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(driver, d -> !d.getCurrentUrl().contains("/login"));
        assertThat(driver.getCurrentUrl()).endsWith("/admin");

        Set<String> paths = new LinkedHashSet<>();
        for (WebElement a : driver.findElements(By.cssSelector(".staff-nav a"))) {
            // the menu's links by their path (the directory search, /services, is a public page in the staff menu)
            paths.add(a.getAttribute("href").replaceAll("^https?://[^/]+", ""));
        }
        assertThat(paths).contains("/admin");
        String edit = driver.findElement(By.cssSelector("main table a")).getAttribute("href");
        paths.add(edit.substring(edit.indexOf("/admin")));
        paths.add(edit.substring(edit.indexOf("/admin")) + "/delete");
        paths.add("/admin/places/new");
        // the calendar's staff pages of the first place: its activities, a new activity, the season change
        String placePath = edit.substring(edit.indexOf("/admin"));
        paths.add(placePath + "/activities");
        paths.add(placePath + "/activities/new");
        paths.add("/admin/activities/season");
        paths.add("/admin/school-holidays/new");
        // mapping: the demo's rounds (last year's and this year's), their summaries and a questionnaire
        driver.get(url("/admin/mapping", "fi"));
        for (WebElement a : driver.findElements(By.cssSelector("main a[href*='/admin/mapping/rounds/']"))) {
            paths.add(a.getAttribute("href").replaceAll("^https?://[^/]+", ""));
        }
        driver.findElements(By.cssSelector("main a[href*='/admin/mapping/answers/']")).stream().limit(1)
                .forEach(a -> paths.add(a.getAttribute("href").replaceAll("^https?://[^/]+", "")));
        assertThat(paths).as("mapping's pages").anyMatch(p -> p.endsWith("/summary"))
                .anyMatch(p -> p.contains("/admin/mapping/answers/"));
        // planning (issue 16): gaps, the heat map, coverage with the import form, the sketch (overlaps are in the menu)
        paths.add("/admin/planning/gaps");
        paths.add("/admin/planning/heatmap");
        paths.add("/admin/planning/coverage");
        paths.add("/admin/planning/sketch");
        ensureAnActivity(Long.parseLong(placePath.replaceAll("^.*/", "")));
        driver.get(url(placePath + "/activities", "fi"));
        // the first activity with coming occurrences (the demo keeps past seasons' activities too)
        List<String> activities = driver.findElements(By.cssSelector("main table td:first-child a")).stream()
                .map(a -> a.getAttribute("href")).map(h -> h.substring(h.indexOf("/admin"))).toList();
        for (String activity : activities) {
            driver.get(url(activity, "fi"));
            List<WebElement> change = driver.findElements(By.cssSelector("main a[href*='/occurrences/']"));
            if (!change.isEmpty()) {
                paths.add(activity);
                paths.add(activity + "/edit");
                paths.add(activity + "/delete");
                String occurrence = change.get(0).getAttribute("href");
                paths.add(occurrence.substring(occurrence.indexOf("/admin")));
                break;
            }
        }
        assertThat(paths).as("the calendar staff pages of an activity").anyMatch(p -> p.contains("/occurrences/"));
        List<String> all = new ArrayList<>(paths);
        for (String lang : LANGS) {
            for (String path : all) {
                check(path, lang);
            }
        }
        // the staff front page starts with today's sessions to count, each with its counter (checked above)
        for (String lang : LANGS) {
            driver.get(url("/admin", lang));
            var today = driver.findElements(By.cssSelector("main section.todays-counts"));
            assertThat(today).as("today's sessions on /admin (" + lang + ")").hasSize(1);
            assertThat(today.get(0).findElements(By.cssSelector("li.card a[href*='/admin/counts/places/']")))
                    .as("count links on /admin (" + lang + ")").isNotEmpty();
        }
        // a form sent with errors: messages next to the fields, still accessible
        for (String lang : LANGS) {
            driver.get(url("/admin/places/new", lang));
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.await(driver, d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".field-error"))).isNotEmpty();
            assertThat(driver.findElement(By.id("f-nameFi")).getAttribute("aria-invalid")).isEqualTo("true");
            Browser.assertAccessible(driver, "place form with errors (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "place form with errors (" + lang + ")");
        }
        // the activity form sent empty: errors next to the fields and in the summary, still accessible
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
