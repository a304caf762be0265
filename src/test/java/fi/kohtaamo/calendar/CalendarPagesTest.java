package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public calendar pages over real HTTP: week, day and series views, cancellations, activity and occurrence pages. */
@IntegrationTest
class CalendarPagesTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;

    WebClient web;
    long place, cafe, club;
    String muni;

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Perhekahvila <b>Testi</b>";
        f.nameSv = "Familjecafé Test";
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("MONDAY");
        f.weekdays.add("WEDNESDAY");
        f.seasonStart = "2027-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9:30";
        f.endTime = "11:30";
        f.ageMaxYears = "6";
        f.languages.add("fi");
        cafe = activities.create(ADMIN, f);
        ActivityForm c = new ActivityForm();
        c.placeId = String.valueOf(place);
        c.kind = "HOMEWORK_CLUB";
        c.nameFi = "Läksykerho";
        c.scheduleKind = "WEEKLY";
        c.weekdays.add("TUESDAY");
        c.seasonStart = "2027-01-01";
        c.seasonEnd = "2027-05-31";
        c.startTime = "17:00";
        c.endTime = "18:30";
        c.ageMinYears = "7";
        c.ageMaxYears = "12";
        c.languages.add("ar");
        club = activities.create(ADMIN, c);
    }

    @Test
    void weekViewListsTheOccurrencesDayByDayWithHolidaysCancelled() {
        // seven days from Easter Monday 29.3.2027, which cancels the Monday café
        Document week = web.get("/calendar?place=" + place + "&date=2027-03-29&lang=fi").html();
        assertThat(week.selectFirst(".period").text()).isEqualTo("Näytetään Ma 29.3.–Su 4.4.2027");
        assertThat(week.selectFirst("h2").text()).isEqualTo("maanantai 29.3.");
        var items = week.select("li.occurrence");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).text()).contains("9.30–11.30", "Peruttu", "2. pääsiäispäivä");
        assertThat(items.get(1).text()).contains("17.00–18.30", "Läksykerho", "arabia", "7–12 v");
        assertThat(items.get(2).text()).contains("Perhekahvila <b>Testi</b>").doesNotContain("Peruttu");
        assertThat(week.select("li.occurrence b")).isEmpty();
    }

    @Test
    void filtersByTimeOfDayAgeAndLanguage() {
        String base = "/calendar?place=" + place + "&date=2027-02-10";
        assertThat(web.get(base + "&time=EVENING").html().select("li.occurrence").eachText())
                .allMatch(t -> t.contains("Läksykerho")).hasSize(1);
        assertThat(web.get(base + "&age=2").html().select("li.occurrence").eachText())
                .allMatch(t -> t.contains("Perhekahvila")).hasSize(2);
        assertThat(web.get(base + "&language=ar").html().select("li.occurrence")).hasSize(1);
        assertThat(web.get(base + "&weekday=WEDNESDAY&weekday=TUESDAY").html().select("li.occurrence")).hasSize(2);
        assertThat(web.get("/calendar?place=" + place + "&view=DAY&date=2027-02-09").html().select("li.occurrence")).hasSize(1);
    }

    @Test
    void seriesViewShowsEachActivityOnceWithItsRuleInWords() {
        Document list = web.get("/calendar?place=" + place + "&view=SERIES&date=2027-02-01&lang=sv").html();
        assertThat(list.select(".card-list li.card").eachText())
                .anyMatch(t -> t.contains("Familjecafé Test") && t.contains("måndagar och onsdagar kl. 9.30–11.30"));
    }

    @Test
    void activityAndOccurrencePagesCarryEventMarkup() {
        Document page = web.get("/calendar/activities/" + cafe + "/2027-02-10?lang=en").html();
        var event = page.selectFirst("[itemtype=https://schema.org/Event]");
        assertThat(event).isNotNull();
        assertThat(event.selectFirst("meta[itemprop=startDate]").attr("content")).isEqualTo("2027-02-10T09:30+02:00");
        assertThat(event.selectFirst("[itemprop=location] [itemprop=name]").text()).startsWith("Testipaikka");
        assertThat(web.get("/calendar/activities/" + cafe + "/2027-02-11").status()).isEqualTo(404);
        assertThat(web.get("/calendar/activities/" + cafe).status()).isEqualTo(200);
    }

    @Test
    void everyCalendarPageLinksTheFeedOfWhatItShows() {
        Document week = web.get("/calendar?municipality=" + muni + "&kind=FAMILY_CAFE").html();
        String alternate = week.selectFirst("link[rel=alternate][type=text/calendar]").attr("href");
        assertThat(alternate).contains("/calendar.ics?").contains("municipality=" + muni).contains("kind=FAMILY_CAFE");
        assertThat(week.select("a[href^=webcal://]")).isNotEmpty();
    }

    @Test
    void placePageShowsItsWeeklyProgramme() {
        Document page = web.get("/places/" + place + "?lang=fi").html();
        assertThat(page.select("#programme-title").text()).isEqualTo("Viikko-ohjelma");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/calendar?municipality=999", "/calendar?weekday=FUNDAY", "/calendar?date=2027-13-01",
            "/calendar?date=1999-01-01", "/calendar?age=99", "/calendar?time=NIGHT", "/calendar?view=YEAR",
            "/calendar?place=abc", "/calendar?place=999999999", "/calendar?free=maybe",
            "/calendar?kind=%3Cscript%3E", "/calendar?date=2027-01-01&date=2027-01-02"})
    void badParametersAreClearErrors(String url) {
        var r = web.get(url + "&lang=en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().selectFirst("h1").text()).isEqualTo("Invalid parameter");
    }
}
