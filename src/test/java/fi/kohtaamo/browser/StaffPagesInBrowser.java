package fi.kohtaamo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.BrowserPageTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every staff page reachable from the staff menu (and the pages behind it: a place's edit and delete, an activity
 * and its occurrence, mapping's rounds, planning's views), signed in as the admin, in Finnish, Swedish and English:
 * axe-core finds nothing and nothing overflows a 360 px phone. The sweep is split by {@link Part} over one subclass a
 * part, so that the two test JVMs share it: each subclass collects the same paths and checks those of its part.
 * Every path falls in exactly one part, and {@link Part#REST} takes whatever the others do not claim, so a new menu
 * item is checked without a change here.
 */
abstract class StaffPagesInBrowser extends BrowserPageTest {

    /** A stable partition of the staff paths: the first part whose pattern matches the path takes it. */
    enum Part {
        /**
         * the calendar's staff pages: activities (a place's too), an activity and its occurrence, the season change,
         * school holidays
         */
        CALENDAR("/admin/(activities|school-holidays)([/?].*)?|/admin/places/[^/]+/activities([/?].*)?"),
        /** the places (the staff front page), a place's edit and delete, organisations, areas, mapping the places */
        REGISTRY_AND_MAPPING("/admin|/admin/(places|organisations|areas|mapping)([/?].*)?"),
        /** coordination, monitoring, participation, guidance and outreach */
        COORDINATION("/services([/?].*)?|/admin/(groups|meetings|signals|criteria|counts|reports"
                + "|service-types|participation|services|handouts|outreach)([/?].*)?"),
        /** everything not claimed above: planning, users, audit, mail, one's account, and any new menu item */
        REST(null);

        final Pattern pattern;

        Part(String regex) {
            this.pattern = regex == null ? null : Pattern.compile(regex);
        }

        static Part of(String path) {
            for (Part part : values()) {
                if (part.pattern == null || part.pattern.matcher(path).matches()) {
                    return part;
                }
            }
            throw new AssertionError("unreachable: REST takes every path");
        }
    }

    @Autowired
    ActivityService activityService;

    /** Every staff path, in the order found; filled once a class by {@link #signInAndCollect()}. */
    List<String> paths;
    /** The first place's staff path, /admin/places/{id}. */
    String placePath;

    abstract Part part();

    /** The paths of this class's part. */
    List<String> myPaths() {
        return paths.stream().filter(p -> Part.of(p) == part()).toList();
    }

    @Test
    void staffPagesAfterLogin() {
        List<String> mine = myPaths();
        assertThat(mine).as("staff pages of " + part()).isNotEmpty();
        for (String lang : LANGS) {
            for (String path : mine) {
                check(path, lang);
            }
        }
    }

    /** Signs in as the admin (once a class: the session stays) and collects the staff paths. */
    @BeforeAll
    void signInAndCollect() {
        login("admin@demo.kohtaamo.fi");
        assertThat(driver.getCurrentUrl()).endsWith("/admin");

        Set<String> found = new LinkedHashSet<>();
        for (WebElement a : driver.findElements(By.cssSelector(".staff-nav a"))) {
            // the menu's links by their path (the directory search, /services, is a public page in the staff menu)
            found.add(path(a.getAttribute("href")));
        }
        assertThat(found).contains("/admin");
        String edit = driver.findElement(By.cssSelector("main table a")).getAttribute("href");
        found.add(edit.substring(edit.indexOf("/admin")));
        found.add(edit.substring(edit.indexOf("/admin")) + "/delete");
        found.add("/admin/places/new");
        // the calendar's staff pages of the first place: its activities, a new activity, the season change
        placePath = edit.substring(edit.indexOf("/admin"));
        found.add(placePath + "/activities");
        found.add(placePath + "/activities/new");
        found.add("/admin/activities/season");
        found.add("/admin/school-holidays/new");
        // mapping: the demo's rounds (last year's and this year's), their summaries and a questionnaire
        driver.get(url("/admin/mapping", "fi"));
        for (WebElement a : driver.findElements(By.cssSelector("main a[href*='/admin/mapping/rounds/']"))) {
            found.add(path(a.getAttribute("href")));
        }
        driver.findElements(By.cssSelector("main a[href*='/admin/mapping/answers/']")).stream().limit(1)
                .forEach(a -> found.add(path(a.getAttribute("href"))));
        assertThat(found).as("mapping's pages").anyMatch(p -> p.endsWith("/summary"))
                .anyMatch(p -> p.contains("/admin/mapping/answers/"));
        // planning (issue 16): gaps, the heat map, coverage with the import form, the sketch (overlaps are in the menu)
        found.add("/admin/planning/gaps");
        found.add("/admin/planning/heatmap");
        found.add("/admin/planning/coverage");
        found.add("/admin/planning/sketch");
        ensureAnActivity(Long.parseLong(placePath.replaceAll("^.*/", "")));
        driver.get(url(placePath + "/activities", "fi"));
        // the first activity with coming occurrences (the demo keeps past seasons' activities too)
        List<String> activities = driver.findElements(By.cssSelector("main table td:first-child a")).stream()
                .map(a -> a.getAttribute("href")).map(h -> h.substring(h.indexOf("/admin"))).toList();
        for (String activity : activities) {
            driver.get(url(activity, "fi"));
            List<WebElement> change = driver.findElements(By.cssSelector("main a[href*='/occurrences/']"));
            if (!change.isEmpty()) {
                found.add(activity);
                found.add(activity + "/edit");
                found.add(activity + "/delete");
                String occurrence = change.get(0).getAttribute("href");
                found.add(occurrence.substring(occurrence.indexOf("/admin")));
                break;
            }
        }
        assertThat(found).as("the calendar staff pages of an activity").anyMatch(p -> p.contains("/occurrences/"));
        paths = new ArrayList<>(found);
    }

    /** A weekly activity at the place with a cancelled occurrence and a pause, so that every staff calendar page has content. */
    void ensureAnActivity(long placeId) {
        var admin = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);
        if (!activityService.activitiesOfPlace(admin, placeId).isEmpty()) {
            return;
        }
        var f = new ActivityForm();
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
                new ActivityService.LocalizedTextForm("Ohjaaja sairas", null, null));
        activityService.pause(admin, id, "2027-01-01", "2027-01-10",
                new ActivityService.LocalizedTextForm("Joulutauko", "Jullov", null));
    }
}
