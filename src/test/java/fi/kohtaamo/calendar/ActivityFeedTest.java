package fi.kohtaamo.calendar;

import static fi.kohtaamo.calendar.IcsFeedTest.ADMIN;
import static fi.kohtaamo.calendar.IcsFeedTest.activityId;
import static fi.kohtaamo.calendar.IcsFeedTest.expand;
import static fi.kohtaamo.calendar.IcsFeedTest.form;
import static fi.kohtaamo.calendar.IcsFeedTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.ExceptionDates;
import biweekly.property.Status;
import biweekly.util.ICalDate;
import fi.kohtaamo.calendar.IcsFeedTest.Seen;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.ActivityService.LocalizedTextForm;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One activity's own feed ({@code /calendar/activities/{id}/calendar.ics}) and one occurrence's file
 * ({@code /calendar/activities/{id}/{yyyy-mm-dd}.ics}), read back by biweekly: the feed is exactly the
 * activity's part of its place's feed (same events, same UIDs, so a family subscribing to both gets no
 * duplicates), its occurrences are those the calendar shows, cancellations are excluded and named,
 * an occurrence's file is one event (cancelled ones marked cancelled); answers are kept with an ETag and
 * change after an edit; unknown and hostile addresses are 404s in the reader's language, never 500s.
 */
@IntegrationTest
class ActivityFeedTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired JsonMapper json;

    WebClient web;
    long place, club, other;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, muni, org);
        ActivityForm f = form(place, "PARISH_FAMILY_CLUB", "Perhekerho Äijälä", "Familjeklubb", "WEEKLY",
                "2026-08-10", "2027-06-30", "9:30", "11:30");
        f.weekdays.addAll(List.of("TUESDAY", "THURSDAY"));
        club = activities.create(ADMIN, f);
        activities.cancelOccurrence(ADMIN, club, "2027-02-16", new LocalizedTextForm("Ohjaaja sairaana", null, null));
        activities.moveOccurrence(ADMIN, club, "2027-03-25", "2027-03-29", "13:00", "14:30",
                new LocalizedTextForm("Retki", "Utflykt", "Outing"));
        activities.pause(ADMIN, club, "2027-04-12", "2027-04-18", new LocalizedTextForm("Tauko", null, null));
        ActivityForm o = form(place, "FAMILY_CAFE", "Kahvila", null, "WEEKLY", "2026-09-01", "2027-05-31",
                "13:00", "15:00");
        o.weekdays.add("WEDNESDAY");
        other = activities.create(ADMIN, o);
    }

    @Test
    void theActivityFeedIsTheSeriesWithItsChangesAsTheCalendarShowsIt() {
        String body = feed("/calendar/activities/" + club + "/calendar.ics?lang=fi");
        Set<Seen> seen = expand(body);
        Set<Seen> planned = api(club);
        assertThat(planned).as("fixture sanity").hasSizeGreaterThan(60);
        assertThat(new TreeSet<>(seen)).isEqualTo(new TreeSet<>(planned));
        assertThat(seen).hasSameSizeAs(planned);
        assertThat(seen.stream().map(Seen::activityId).collect(Collectors.toSet())).containsExactly(club);
        assertThat(seen).contains(new Seen(LocalDate.of(2027, 3, 29), LocalTime.of(13, 0), club))
                .doesNotContain(new Seen(LocalDate.of(2027, 2, 16), LocalTime.of(9, 30), club),  // cancelled
                        new Seen(LocalDate.of(2027, 3, 25), LocalTime.of(9, 30), club),  // moved away
                        new Seen(LocalDate.of(2027, 4, 13), LocalTime.of(9, 30), club),  // paused
                        new Seen(LocalDate.of(2026, 12, 24), LocalTime.of(9, 30), club));  // Christmas Eve
        ICalendar ical = parse(body);
        VEvent series = event(ical, "activity-" + club + "@");
        // the cancelled occurrence is excluded from the series and named with its reason
        assertThat(excluded(series)).contains(LocalDateTime.of(2027, 2, 16, 9, 30));
        assertThat(series.getDescription().getValue()).contains("16.2.2027 Ohjaaja sairaana");
        assertThat(series.getUrl().getValue()).endsWith("/calendar/activities/" + club);
        assertThat(ical.getExperimentalProperty("X-WR-CALNAME").getValue()).startsWith("Perhekerho Äijälä – Testipaikka");
    }

    @Test
    void theActivityFeedHasTheSameEventsAndUidsAsThePlaceAndFilterFeeds() {
        Map<String, String> own = byUid(parse(feed("/calendar/activities/" + club + "/calendar.ics?lang=sv")));
        assertThat(own.keySet()).allMatch(uid -> uid.startsWith("activity-" + club + "@")
                || uid.startsWith("activity-" + club + "-"));
        assertThat(own).containsKey("activity-" + club + "-20270325@kohtaamo.fi");
        for (String other : List.of("/places/" + place + "/calendar.ics?lang=sv",
                "/calendar.ics?place=" + place + "&lang=sv")) {
            Map<String, String> all = byUid(parse(feed(other)));
            Map<String, String> ofClub = new java.util.HashMap<>(all);
            ofClub.keySet().removeIf(uid -> !own.containsKey(uid));
            assertThat(ofClub).as(other).isEqualTo(own);
            assertThat(all.size()).as(other).isGreaterThan(own.size());
        }
    }

    @Test
    void anOccurrenceIsOneEventToAddWithTheFeedsUid() {
        var r = web.get("/calendar/activities/" + club + "/2027-02-11.ics?lang=fi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"perhekerho-aijala-2027-02-11.ics\"");
        ICalendar ical = parse(r.body());
        assertThat(ical.getEvents()).hasSize(1);
        VEvent e = ical.getEvents().get(0);
        assertThat(e.getUid().getValue()).isEqualTo("activity-" + club + "-20270211@kohtaamo.fi");
        assertThat(local(e)).isEqualTo(LocalDateTime.of(2027, 2, 11, 9, 30));
        assertThat(e.getStatus()).isNull();
        assertThat(e.getRecurrenceRule()).isNull();
        assertThat(expand(r.body())).containsExactly(new Seen(LocalDate.of(2027, 2, 11), LocalTime.of(9, 30), club));

        // a moved occurrence: at its new time, with the very UID the feeds give it
        VEvent moved = parse(feed("/calendar/activities/" + club + "/2027-03-29.ics?lang=en")).getEvents().get(0);
        assertThat(moved.getUid().getValue()).isEqualTo("activity-" + club + "-20270325@kohtaamo.fi");
        assertThat(local(moved)).isEqualTo(LocalDateTime.of(2027, 3, 29, 13, 0));
        assertThat(moved.getDescription().getValue()).contains("Outing");
        assertThat(byUid(parse(feed("/places/" + place + "/calendar.ics?lang=en")))).containsKey(moved.getUid().getValue());

        // a cancelled occurrence is marked cancelled, with why
        VEvent cancelled = parse(feed("/calendar/activities/" + club + "/2027-02-16.ics?lang=fi")).getEvents().get(0);
        assertThat(cancelled.getStatus()).isNotNull();
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
        assertThat(cancelled.getDescription().getValue()).contains("Peruttu").contains("Ohjaaja sairaana");
        assertThat(Status.cancelled().getValue()).isEqualTo(cancelled.getStatus().getValue());
    }

    @Test
    void feedsAreKeptWithAnEtagAndChangeAfterAnEdit() {
        for (String url : List.of("/calendar/activities/" + club + "/calendar.ics?lang=fi",
                "/calendar/activities/" + club + "/2027-03-02.ics?lang=fi")) {
            var first = web.get(url);
            String etag = first.header("ETag");
            assertThat(etag).as(url).startsWith("\"");
            assertThat(first.header("Cache-Control")).contains("max-age=");
            var again = web.get(url, Map.of("If-None-Match", etag));
            assertThat(again.status()).as(url).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        String feedUrl = "/calendar/activities/" + club + "/calendar.ics?lang=fi";
        String oneUrl = "/calendar/activities/" + club + "/2027-03-02.ics?lang=fi";
        String feedTag = web.get(feedUrl).header("ETag");
        String oneTag = web.get(oneUrl).header("ETag");
        activities.cancelOccurrence(ADMIN, club, "2027-03-02", new LocalizedTextForm("Siivous", null, null));
        var feed = web.get(feedUrl, Map.of("If-None-Match", feedTag));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(expand(feed.body())).doesNotContain(new Seen(LocalDate.of(2027, 3, 2), LocalTime.of(9, 30), club));
        var one = web.get(oneUrl, Map.of("If-None-Match", oneTag));
        assertThat(one.status()).isEqualTo(200);
        assertThat(parse(one.body()).getEvents().get(0).getStatus().isCancelled()).isTrue();
    }

    @Test
    void unknownActivitiesAndOccurrencesAreNotFoundInTheReadersLanguage() {
        for (String url : List.of("/calendar/activities/999999999/calendar.ics",
                "/calendar/activities/999999999/2027-02-11.ics", "/calendar/activities/" + club + "/2027-02-12.ics",
                "/calendar/activities/" + club + "/2031-02-11.ics")) {
            assertThat(web.get(url + "?lang=en").html().selectFirst("h1").text()).as(url).isEqualTo("Page not found");
            var sv = web.get(url + "?lang=sv");
            assertThat(sv.status()).as(url).isEqualTo(404);
            assertThat(sv.html().selectFirst("h1").text()).as(url).isEqualTo("Sidan hittades inte");
        }
    }

    @Test
    void anUnpublishedActivityHasNoFeed() {
        ActivityForm f = form(place, "EVENT", "Luonnos", null, "ONCE", null, null, "10:00", "11:00");
        f.date = "2027-02-11";
        f.published = "false";
        long draft = activities.create(ADMIN, f);
        assertThat(web.get("/calendar/activities/" + draft + "/calendar.ics").status()).isEqualTo(404);
        assertThat(web.get("/calendar/activities/" + draft + "/2027-02-11.ics").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc/calendar.ics", "0/calendar.ics", "-1/calendar.ics", "1e3/calendar.ics",
            "99999999999999999999/calendar.ics", "1%27%20OR%201=1/calendar.ics", "%00/calendar.ics",
            "{id}/2027-02-30.ics", "{id}/2027-2-1.ics", "{id}/x.ics", "{id}/99999-01-01.ics",
            "{id}/2027-02-11%3Cscript%3E.ics", "{id}/..%2F..%2Fetc.ics", "{id}/calendar.ics.ics"})
    void hostileAddressesAreClientErrorsNever500(String path) {
        var r = web.get("/calendar/activities/" + path.replace("{id}", String.valueOf(club)) + "?lang=fi");
        assertThat(r.status()).as(path).isIn(400, 404);
    }

    @Test
    void activityAndOccurrencePagesOfferTheirFeedsInPlainWords() {
        Document page = web.get("/calendar/activities/" + club + "?lang=fi").html();
        String alternate = page.selectFirst("head link[rel=alternate][type=text/calendar]").attr("href");
        assertThat(alternate).isEqualTo("http://localhost:" + port + "/calendar/activities/" + club
                + "/calendar.ics?lang=fi");
        assertThat(IcsFeedTest.links(page, alternate.replace("http://", "webcal://")))
                .containsExactly("Tilaa tämä toiminta");
        assertThat(page.selectFirst(".subscribe-activity input[readonly]").val()).isEqualTo(alternate);
        assertThat(page.select(".subscribe-activity").text()).contains("kerta perutaan tai siirtyy");
        assertThat(IcsFeedTest.links(page, "webcal://localhost:" + port + "/places/" + place + "/calendar.ics?lang=fi"))
                .containsExactly("Tilaa paikan ohjelma");
        assertThat(page.selectFirst("a[data-share]").attr("href"))
                .isEqualTo("http://localhost:" + port + "/calendar/activities/" + club);
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/share.js");
        assertThat(feed(URIpath(alternate))).isEqualTo(feed("/calendar/activities/" + club + "/calendar.ics?lang=fi"));

        Document occurrence = web.get("/calendar/activities/" + club + "/2027-02-11?lang=sv").html();
        String ics = "http://localhost:" + port + "/calendar/activities/" + club + "/2027-02-11.ics?lang=sv";
        assertThat(IcsFeedTest.links(occurrence, ics)).containsExactly("Lägg till den här gången i kalendern");
        assertThat(occurrence.select(".subscribe-once").text()).contains("Bara den här gången");
        assertThat(IcsFeedTest.links(occurrence, "webcal://localhost:" + port + "/calendar/activities/" + club
                + "/calendar.ics?lang=sv")).containsExactly("Prenumerera på verksamheten");
        assertThat(occurrence.selectFirst("a[data-share]").attr("href"))
                .isEqualTo("http://localhost:" + port + "/calendar/activities/" + club + "/2027-02-11");
        assertThat(parse(feed(URIpath(ics))).getEvents()).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String URIpath(String absolute) {
        java.net.URI u = java.net.URI.create(absolute);
        return u.getPath() + (u.getQuery() == null ? "" : "?" + u.getQuery());
    }

    String feed(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    static VEvent event(ICalendar ical, String uidPrefix) {
        return ical.getEvents().stream().filter(e -> e.getUid().getValue().startsWith(uidPrefix)).findFirst()
                .orElseThrow();
    }

    /** Every event by UID, written out (so that equal maps mean the same events). */
    static Map<String, String> byUid(ICalendar ical) {
        Map<String, String> out = new java.util.HashMap<>();
        for (VEvent e : ical.getEvents()) {
            activityId(e);
            assertThat(out.put(e.getUid().getValue(), local(e) + " " + new TreeSet<>(excluded(e)) + " "
                    + (e.getRecurrenceRule() == null ? "" : e.getRecurrenceRule().getValue()) + " "
                    + e.getSequence().getValue() + " " + e.getSummary().getValue() + " "
                    + (e.getDescription() == null ? "" : e.getDescription().getValue()))).isNull();
        }
        return out;
    }

    static LocalDateTime local(VEvent e) {
        return LocalDateTime.ofInstant(e.getDateStart().getValue().toInstant(), ClockConfig.ZONE);
    }

    static Set<LocalDateTime> excluded(VEvent e) {
        Set<LocalDateTime> out = new HashSet<>();
        for (ExceptionDates x : e.getExceptionDates()) {
            for (ICalDate d : x.getValues()) {
                out.add(LocalDateTime.ofInstant(d.toInstant(), ClockConfig.ZONE));
            }
        }
        return out;
    }

    /** The not-cancelled occurrences of one activity that the JSON API gives over the compared windows. */
    Set<Seen> api(long activity) {
        Set<Seen> out = new HashSet<>();
        for (LocalDate[] w : IcsFeedTest.WINDOWS) {
            var r = web.get("/api/v1/occurrences?place=" + place + "&start=" + w[0] + "&end=" + w[1] + "&size=1000");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode o : json.readTree(r.body()).get("items")) {
                if (o.get("activityId").asLong() == activity && !o.get("status").asText().equals("CANCELLED")) {
                    LocalDateTime start = OffsetDateTime.parse(o.get("start").asText())
                            .atZoneSameInstant(ClockConfig.ZONE).toLocalDateTime();
                    out.add(new Seen(start.toLocalDate(), start.toLocalTime(), activity));
                }
            }
        }
        return out;
    }
}
