package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.Forms;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar listing as families read it on a phone (issue 19 part 1), over real HTTP: seven days from today,
 * only the weekdays chosen, a run of empty days as one line, a day heading above its activities, and the folded
 * filters that say how many are set and submit in every language.
 */
@IntegrationTest
class CalendarPhoneListingTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired TestClock clock;

    WebClient web;
    long place;

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        // Monday and Wednesday mornings, Tuesday afternoons; nothing Thursday to Sunday
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Perhekahvila";
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("MONDAY");
        f.weekdays.add("WEDNESDAY");
        f.seasonStart = "2027-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9:30";
        f.endTime = "11:30";
        f.languages.add("fi");
        activities.create(ADMIN, f);
        ActivityForm c = new ActivityForm();
        c.placeId = String.valueOf(place);
        c.kind = "BABY_CAFE";
        c.nameFi = "Vauvaryhmä";
        c.scheduleKind = "WEEKLY";
        c.weekdays.add("TUESDAY");
        c.seasonStart = "2027-01-01";
        c.seasonEnd = "2027-05-31";
        c.startTime = "13:00";
        c.endTime = "14:30";
        c.ageMaxYears = "2";
        c.languages.add("fi");
        activities.create(ADMIN, c);
    }

    Document page(String query) {
        var r = web.get("/calendar?place=" + place + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.html();
    }

    @Test
    void openedOnASundayTheDefaultViewRunsFromTodayForSevenDays() {
        try {
            clock.set(Instant.parse("2027-02-14T08:00:00Z")); // a Sunday
            Document week = page("&lang=fi");
            assertThat(week.selectFirst(".period").text()).isEqualTo("Näytetään Su 14.2.–La 20.2.2027");
            assertThat(week.select("h2.day-heading").eachText()).containsExactly("maanantai 15.2.", "tiistai 16.2.",
                    "keskiviikko 17.2.");
            assertThat(week.select(".empty-days").eachText())
                    .containsExactly("Su 14.2.: ei toimintaa", "To 18.2.–La 20.2.: ei toimintaa");
            assertThat(week.selectFirst(".calendar-views a[aria-current=page]").attr("href")).contains("view=WEEK");
            // previous and next move by seven days
            var nav = week.select(".pagination a");
            assertThat(nav.get(0).attr("href")).contains("date=2027-02-07");
            assertThat(nav.get(1).attr("href")).contains("date=2027-02-21");
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void onlyTheChosenWeekdaysAreListedAndARunOfEmptyDaysIsOneLine() {
        Document all = page("&date=2027-02-08&lang=sv");
        assertThat(all.select("h2.day-heading").eachText()).containsExactly("måndag 8.2.", "tisdag 9.2.", "onsdag 10.2.");
        assertThat(all.select(".empty-days").eachText()).containsExactly("To 11.2.–Sö 14.2.: ingen verksamhet");

        Document chosen = page("&date=2027-02-08&weekday=TUESDAY&weekday=SATURDAY&lang=en");
        assertThat(chosen.select("h2.day-heading").eachText()).containsExactly("Tuesday 9.2.");
        assertThat(chosen.select(".empty-days").eachText()).containsExactly("Sat 13.2.: nothing on");
        assertThat(chosen.select("li.occurrence")).hasSize(1);
    }

    @Test
    void aDayIsAHeadingAboveItsActivities() {
        Document week = page("&date=2027-02-08&lang=fi");
        List<String> outline = week.select("main h1, main h2, main h3, main h4").stream().map(Element::tagName)
                .toList();
        assertThat(outline.get(0)).isEqualTo("h1");
        for (int i = 1; i < outline.size(); i++) {
            assertThat(level(outline.get(i))).as("heading %d of %s", i, outline)
                    .isLessThanOrEqualTo(level(outline.get(i - 1)) + 1);
        }
        for (Element ul : week.select("ul.occurrences")) {
            assertThat(ul.previousElementSibling().tagName()).isEqualTo("h2");
            assertThat(ul.select("li.occurrence > h3")).hasSameSizeAs(ul.select("li.occurrence"));
        }
    }

    static int level(String tag) {
        return tag.charAt(1) - '0';
    }

    @Test
    void theFoldedFiltersSayHowManyAreSetAndOpenWhenNothingIsFound() {
        Document none = page("&date=2027-02-08&lang=fi");
        assertThat(none.selectFirst("details.filter-fold > summary").text()).isEqualTo("Rajaa hakua");
        assertThat(none.selectFirst("details.filter-fold").hasAttr("open")).as("results: folded").isFalse();

        Document two = page("&date=2027-02-08&age=1&weekday=TUESDAY&weekday=FRIDAY&lang=sv");
        assertThat(two.selectFirst("details.filter-fold > summary").text()).isEqualTo("Avgränsa sökningen (2 valda)");
        assertThat(two.selectFirst("details.filter-fold").hasAttr("open")).isFalse();
        assertThat(two.select("details.filter-fold form.filters input[name=weekday][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder("TUESDAY", "FRIDAY");

        Document nothing = page("&date=2026-06-01&lang=en");
        assertThat(nothing.selectFirst("details.filter-fold").hasAttr("open")).as("nothing found: open").isTrue();
        assertThat(page("&view=SERIES&date=2026-01-01&age=17&lang=fi").selectFirst("details.filter-fold")
                .hasAttr("open")).isTrue();
    }

    @Test
    void theFoldedFormSubmitsInEveryLanguage() {
        for (String lang : List.of("fi", "sv", "en")) {
            for (String view : List.of("WEEK", "DAY", "SERIES")) {
                Document shown = page("&view=" + view + "&date=2027-02-09&age=1&weekday=TUESDAY&lang=" + lang);
                var fields = Forms.formFields(shown, "details.filter-fold form.filters");
                String query = fields.stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                var again = web.get("/calendar?" + query + "&lang=" + lang);
                assertThat(again.status()).as(lang + " " + view + ": " + query).isEqualTo(200);
                assertThat(query).contains("date=2027-02-09", "age=1", "weekday=TUESDAY", "view=" + view);
            }
        }
    }
}
