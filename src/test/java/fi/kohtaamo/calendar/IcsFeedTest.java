package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.ParseWarning;
import biweekly.property.ExceptionDates;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.ActivityService.LocalizedTextForm;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.internal.PlaceCommand;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The iCalendar feeds over real HTTP, read back by an independent parser (biweekly): they must
 * parse and validate without a single warning, and their events, expanded with biweekly's
 * recurrence iterator in the feed's own VTIMEZONE, must be exactly the not-cancelled occurrences
 * that the JSON API (and so the HTML calendar) gives for the same filter, across a DST change,
 * Christmas, Epiphany, Easter, Ascension and Midsummer, with staff's cancellations, moves and pauses.
 */
@IntegrationTest
class IcsFeedTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries calendarQueries;
    @Autowired RegistryQueries registryQueries;
    @Autowired JsonMapper json;

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);
    /** The windows compared, each at most 92 days (the API's limit), together 1.11.2026–31.7.2027. */
    static final List<LocalDate[]> WINDOWS = List.of(
            new LocalDate[] {LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31)},
            new LocalDate[] {LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30)},
            new LocalDate[] {LocalDate.of(2027, 5, 1), LocalDate.of(2027, 7, 31)});
    static final Pattern UID = Pattern.compile("^activity-([0-9]+)(-[0-9]{8})?@.+$");

    WebClient web;
    String muni;
    long org, otherOrg, place, otherPlace;
    long weekly, evenWeeks, oddWeeks, secondSaturday, lastFriday, dateList, oneOff, park, otherPlaceCafe;

    /** One occurrence as both sides see it. */
    record Seen(LocalDate date, LocalTime start, long activityId) implements Comparable<Seen> {
        @Override
        public int compareTo(Seen o) {
            int c = date.compareTo(o.date);
            c = c != 0 ? c : start.compareTo(o.start);
            return c != 0 ? c : Long.compare(activityId, o.activityId);
        }
    }

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        org = fx.organisation(OrganisationType.PARISH, null, county);
        otherOrg = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        otherPlace = fx.place(area, muni, otherOrg);

        ActivityForm f = form(place, "PARISH_FAMILY_CLUB", "Perhekerho, \"Tiistai; torstai\"", "Familjeklubb",
                "WEEKLY", "2026-08-10", "2027-06-30", "9:30", "11:30");
        f.weekdays.addAll(List.of("TUESDAY", "THURSDAY"));
        f.descriptionFi = "Lauletaan, leikitään ja syödään välipala. Pitkä kuvaus, jossa on ääkkösiä: äiti, isä, "
                + "mummo ja vaari ovat kaikki tervetulleita – myös ne, jotka tulevat ensimmäistä kertaa.";
        weekly = activities.create(ADMIN, f);
        activities.cancelOccurrence(ADMIN, weekly, "2027-02-16", new LocalizedTextForm("Ohjaaja sairaana", null, null));
        // moved over the DST change onto Easter Monday (a deliberate move is not cancelled by the holiday)
        activities.moveOccurrence(ADMIN, weekly, "2027-03-25", "2027-03-29", "13:00", "14:30",
                new LocalizedTextForm("Retki", "Utflykt", null));
        // moved within the day, and moved out of its window into the next one
        activities.moveOccurrence(ADMIN, weekly, "2027-01-28", "2027-01-28", "10:15", "12:15",
                new LocalizedTextForm("Myöhemmin", null, null));
        activities.moveOccurrence(ADMIN, weekly, "2027-04-29", "2027-05-03", null, null,
                new LocalizedTextForm("Siirto", null, null));
        activities.pause(ADMIN, weekly, "2027-04-12", "2027-04-18", new LocalizedTextForm("Tauko", null, null));

        ActivityForm e = form(place, "HOMEWORK_CLUB", "Läksykerho", null, "WEEKLY", "2026-09-01", "2027-05-31",
                "17:00", "18:30");
        e.weekdays.add("WEDNESDAY");
        e.parity = "EVEN";
        e.followsSchoolHolidays = "true";
        e.schoolLanguage = "fi";
        evenWeeks = activities.create(ADMIN, e);
        calendarQueries.insertSchoolHoliday(muni, "fi", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 2, 28),
                LocalizedText.of("Talviloma", "Sportlov", "Winter holiday"), Instant.now());

        ActivityForm o = form(place, "OUTDOOR", "Pihaleikit", "Gårdslekar", "WEEKLY", "2026-10-01", "2027-06-30",
                "10:00", "11:00");
        o.weekdays.add("SATURDAY");
        o.parity = "ODD";  // 2.1.2027 is in week 53 of 2026: an RDATE
        oddWeeks = activities.create(ADMIN, o);

        ActivityForm s = form(place, "FAMILY_CAFE", "Lauantaikahvila", "Lördagscafé", "MONTHLY", "2026-09-01",
                "2027-08-31", "10:00", "12:00");
        s.nth = "2";
        s.monthWeekday = "SATURDAY";
        secondSaturday = activities.create(ADMIN, s);

        ActivityForm l = form(place, "YOUTH_EVENING", "Nuorten ilta", "Ungdomskväll", "MONTHLY", "2026-09-01",
                "2027-08-31", "18:00", "20:00");
        l.nth = "-1";  // 25.12.2026 Christmas Day and 25.6.2027 Midsummer Eve
        l.monthWeekday = "FRIDAY";
        lastFriday = activities.create(ADMIN, l);

        ActivityForm d = form(place, "PARENT_PEER_GROUP", "Vertaisryhmä", null, "DATES", null, null, "11:00", "12:30");
        d.dates = "2026-12-03, 2027-01-14, 2027-03-28, 2027-05-06, 2027-06-10";  // 28.3. DST, 6.5. Ascension
        dateList = activities.create(ADMIN, d);

        ActivityForm once = form(place, "EVENT", "Kevätjuhla", "Vårfest", "ONCE", null, null, "14:00", "16:00");
        once.date = "2027-03-27";
        oneOff = activities.create(ADMIN, once);

        ActivityForm p = form(place, "OPEN_DROP_IN", "Leikkipuisto", null, "WEEKLY", "2026-10-01", "2027-07-31",
                "9:00", "12:00");
        p.weekdays.add("MONDAY");
        p.pausesOnHolidays = "false";  // open on Easter Monday
        park = activities.create(ADMIN, p);

        ActivityForm c = form(otherPlace, "FAMILY_CAFE", "Toinen kahvila", null, "WEEKLY", "2026-09-01", "2027-05-31",
                "9:30", "11:00");
        c.weekdays.add("TUESDAY");
        otherPlaceCafe = activities.create(ADMIN, c);
    }

    static ActivityForm form(long place, String kind, String nameFi, String nameSv, String scheduleKind, String from,
            String to, String start, String end) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = kind;
        f.nameFi = nameFi;
        f.nameSv = nameSv;
        f.scheduleKind = scheduleKind;
        f.seasonStart = from;
        f.seasonEnd = to;
        f.startTime = start;
        f.endTime = end;
        f.languages.add("fi");
        return f;
    }

    // ---- the comparison -------------------------------------------------------------------------

    @Test
    void placeFeedMatchesTheCalendarOccurrenceForOccurrence() {
        Set<Seen> feed = expand(feed("/calendar.ics?place=" + place));
        Set<Seen> api = api("place=" + place);
        assertThat(api).as("fixture sanity").hasSizeGreaterThan(150);
        assertThat(new TreeSet<>(feed)).isEqualTo(new TreeSet<>(api));
        // spot checks of what the fixture is about
        assertThat(feed).contains(new Seen(LocalDate.of(2027, 3, 29), LocalTime.of(13, 0), weekly),
                new Seen(LocalDate.of(2027, 3, 29), LocalTime.of(9, 0), park),
                new Seen(LocalDate.of(2027, 1, 2), LocalTime.of(10, 0), oddWeeks),
                new Seen(LocalDate.of(2027, 1, 28), LocalTime.of(10, 15), weekly),
                new Seen(LocalDate.of(2027, 5, 3), LocalTime.of(9, 30), weekly));
        assertThat(feed).doesNotContain(new Seen(LocalDate.of(2027, 5, 6), LocalTime.of(9, 30), weekly),
                new Seen(LocalDate.of(2027, 3, 28), LocalTime.of(11, 0), dateList),  // DST change on Easter Sunday
                new Seen(LocalDate.of(2027, 5, 6), LocalTime.of(11, 0), dateList),
                new Seen(LocalDate.of(2027, 6, 25), LocalTime.of(18, 0), lastFriday),
                new Seen(LocalDate.of(2026, 12, 24), LocalTime.of(9, 30), weekly),
                new Seen(LocalDate.of(2027, 2, 16), LocalTime.of(9, 30), weekly),
                new Seen(LocalDate.of(2027, 3, 25), LocalTime.of(9, 30), weekly),
                new Seen(LocalDate.of(2027, 4, 13), LocalTime.of(9, 30), weekly),
                new Seen(LocalDate.of(2027, 2, 24), LocalTime.of(17, 0), evenWeeks));
    }

    @Test
    void filterCombinationsMatchTheCalendarAndHoldOnlyMatchingActivities() {
        for (String q : List.of("place=" + place + "&weekday=TUESDAY&weekday=SATURDAY",
                "place=" + place + "&time=EVENING", "place=" + place + "&kind=FAMILY_CAFE",
                "municipality=" + muni + "&weekday=MONDAY", "organisation=" + otherOrg)) {
            Set<Seen> feed = expand(feed("/calendar.ics?" + q));
            assertThat(new TreeSet<>(feed)).as(q).isEqualTo(new TreeSet<>(api(q)));
            assertThat(feed).as(q).isNotEmpty();
        }
        Set<Long> evening = ids(expand(feed("/calendar.ics?place=" + place + "&time=EVENING")));
        assertThat(evening).containsExactlyInAnyOrder(evenWeeks, lastFriday);
        // the move to Monday 29.3. is shown on a Monday-only feed, the rest of the Tue/Thu series is not
        Set<Seen> mondays = expand(feed("/calendar.ics?municipality=" + muni + "&weekday=MONDAY"));
        assertThat(ids(mondays)).containsExactlyInAnyOrder(park, weekly);
    }

    @Test
    void placeAndOrganisationFeedsMatchTheCalendar() {
        assertThat(new TreeSet<>(expand(feed("/places/" + otherPlace + "/calendar.ics"))))
                .isEqualTo(new TreeSet<>(api("place=" + otherPlace)));
        Set<Seen> orgFeed = expand(feed("/organisations/" + org + "/calendar.ics"));
        assertThat(new TreeSet<>(orgFeed)).isEqualTo(new TreeSet<>(api("organisation=" + org)));
        assertThat(ids(orgFeed)).doesNotContain(otherPlaceCafe).contains(weekly, park);
    }

    // ---- the feed as a document ---------------------------------------------------------------------

    @Test
    void feedIsValidFoldedAndTranslated() {
        var r = web.get("/calendar.ics?place=" + place + "&lang=sv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(r.header("Cache-Control")).contains("max-age=");
        String body = r.body();
        assertThat(body).endsWith("\r\n");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            // not folded inside an escape: a line never ends with an odd number of backslashes
            assertThat((line.length() - line.replaceAll("\\\\+$", "").length()) % 2).as(line).isZero();
        }
        ICalendar ical = parse(body);
        Map<Long, String> summaries = new java.util.HashMap<>();
        for (VEvent e : ical.getEvents()) {
            summaries.put(activityId(e), e.getSummary().getValue());
            assertThat(e.getUrl().getValue()).startsWith("http://localhost:" + port + "/calendar/activities/");
            assertThat(e.getDateTimeStamp()).isNotNull();
            assertThat(e.getSequence()).isNotNull();
            assertThat(e.getLocation().getValue()).startsWith("Testipaikka").contains("Testikatu 1, 02100 Espoo");
        }
        assertThat(summaries).containsEntry(weekly, "Familjeklubb").containsEntry(oneOff, "Vårfest")
                .containsEntry(evenWeeks, "Läksykerho");  // no Swedish name: the Finnish one
        // the moved occurrence is an event of its own, pointing to its occurrence page
        VEvent move = ical.getEvents().stream().filter(e -> e.getUid().getValue().startsWith("activity-" + weekly
                + "-20270325@")).findFirst().orElseThrow();
        assertThat(move.getUrl().getValue()).endsWith("/calendar/activities/" + weekly + "/2027-03-29");
        assertThat(move.getDescription().getValue()).contains("Utflykt");
        // the cancellations are named in the series' description
        VEvent series = ical.getEvents().stream().filter(e -> e.getUid().getValue().startsWith("activity-" + weekly
                + "@")).findFirst().orElseThrow();
        assertThat(series.getDescription().getValue()).contains("6.5.2027 Kristi himmelsfärdsdag")
                .contains("16.2.2027 Ohjaaja sairaana");
        // the Finnish feed: comma, semicolon and quotes come back as written
        ICalendar fi = parse(feed("/calendar.ics?place=" + place + "&lang=fi"));
        assertThat(fi.getEvents().stream().map(e -> e.getSummary().getValue()))
                .contains("Perhekerho, \"Tiistai; torstai\"");
        assertThat(fi.getEvents().stream().filter(e -> activityId(e) == weekly && e.getDescription() != null)
                .map(e -> e.getDescription().getValue())).anyMatch(t -> t.contains("myös ne, jotka tulevat"));
    }

    @Test
    void theZoneHasTheEuRulesAndStartsCarryIt() {
        String body = feed("/places/" + place + "/calendar.ics");
        assertThat(body).contains("DTSTART;TZID=Europe/Helsinki:").contains("EXDATE;TZID=Europe/Helsinki:")
                .doesNotContain("EXDATE:");
        ICalendar ical = parse(body);
        assertThat(ical.getTimezoneInfo().getComponents()).hasSize(1);
        VTimezone vtz = ical.getTimezoneInfo().getComponents().iterator().next();
        assertThat(vtz.getTimezoneId().getValue()).isEqualTo("Europe/Helsinki");
        // Each observance read as RFC 5545 says (DTSTART is local time in TZOFFSETFROM) and expanded by
        // biweekly must give exactly the transitions of the tz database for 2026-2030.
        Set<Instant> fromFeed = new TreeSet<>();
        List<biweekly.component.Observance> observances = new ArrayList<>();
        observances.addAll(vtz.getDaylightSavingsTime());
        observances.addAll(vtz.getStandardTimes());
        for (biweekly.component.Observance o : observances) {
            var raw = o.getDateStart().getValue().getRawComponents();
            LocalDateTime wall = LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(), raw.getHour(),
                    raw.getMinute(), raw.getSecond());
            long fromMillis = o.getTimezoneOffsetFrom().getValue().getMillis();
            TimeZone utc = TimeZone.getTimeZone("UTC");
            DateIterator it = o.getRecurrenceRule().getValue().getDateIterator(
                    Date.from(wall.toInstant(java.time.ZoneOffset.UTC)), utc);
            while (it.hasNext()) {
                Instant transition = it.next().toInstant().minusMillis(fromMillis);
                if (transition.isAfter(Instant.parse("2031-01-01T00:00:00Z"))) {
                    break;
                }
                if (transition.isAfter(Instant.parse("2026-01-01T00:00:00Z"))) {
                    fromFeed.add(transition);
                }
            }
        }
        Set<Instant> tzdb = new TreeSet<>();
        var rules = ClockConfig.ZONE.getRules();
        for (var t = rules.nextTransition(Instant.parse("2026-01-01T00:00:00Z")); t != null
                && t.getInstant().isBefore(Instant.parse("2031-01-01T00:00:00Z")); t = rules.nextTransition(t.getInstant())) {
            tzdb.add(t.getInstant());
        }
        assertThat(tzdb).hasSize(10);
        assertThat(fromFeed).isEqualTo(tzdb);
    }

    @Test
    void unchangedFeedIsNotModified() {
        var first = web.get("/calendar.ics?place=" + place + "&lang=fi");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        var again = web.get("/calendar.ics?place=" + place + "&lang=fi", Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(web.get("/calendar.ics?place=" + place + "&lang=sv", Map.of("If-None-Match", etag)).status())
                .isEqualTo(200);
        activities.cancelOccurrence(ADMIN, weekly, "2027-03-02", new LocalizedTextForm("Siivous", null, null));
        assertThat(web.get("/calendar.ics?place=" + place + "&lang=fi", Map.of("If-None-Match", etag)).status())
                .isEqualTo(200);
    }

    @Test
    void unknownOrUnpublishedPlacesAndOrganisationsAreNotFound() {
        var c = Fixtures.command("Piilopaikka", fx.area(fx.county(), muni), muni, org);
        long hidden = registryQueries.insertPlace(new PlaceCommand(c.kind(), c.name(), c.description(), c.directions(),
                c.areaId(), c.municipalityCode(), c.streetAddress(), c.postalCode(), c.postOffice(), c.latitude(),
                c.longitude(), c.premisesType(), c.premisesOwnership(), c.hasYard(), c.features(),
                c.accessibilityNotes(), c.staffing(), c.cooperationPartners(), c.contactEmail(), c.contactPhone(),
                c.website(), false, c.organiserIds(), c.targetGroups(), c.languages(), c.funding(), c.periods()),
                false, Instant.now());
        for (String url : List.of("/places/999999999/calendar.ics", "/places/abc/calendar.ics",
                "/places/" + hidden + "/calendar.ics", "/organisations/999999999/calendar.ics",
                "/organisations/0/calendar.ics")) {
            assertThat(web.get(url).status()).as(url).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/calendar.ics?weekday=FUNDAY", "/calendar.ics?municipality=999",
            "/calendar.ics?place=abc", "/calendar.ics?organisation=999999999", "/calendar.ics?age=99",
            "/calendar.ics?kind=%3Cscript%3E", "/calendar.ics?time=NIGHT&time=DAY"})
    void badParametersAreClearErrors(String url) {
        var r = web.get(url + "&lang=en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().selectFirst("h1").text()).isEqualTo("Invalid parameter");
    }

    // ---- the links to the feeds -------------------------------------------------------------------

    @Test
    void calendarPageLinksTheFeedOfItsFilters() {
        String filters = "municipality=" + muni + "&kind=FAMILY_CAFE&weekday=TUESDAY";
        Document page = web.get("/calendar?" + filters + "&view=WEEK&date=2027-02-10&lang=sv").html();
        String alternate = page.selectFirst("head link[rel=alternate][type=text/calendar]").attr("href");
        URI uri = URI.create(alternate);
        assertThat(uri.getPath()).isEqualTo("/calendar.ics");
        assertThat(Set.of(uri.getQuery().split("&"))).containsExactlyInAnyOrder("municipality=" + muni,
                "kind=FAMILY_CAFE", "weekday=TUESDAY", "lang=sv");
        assertThat(links(page, alternate)).isNotEmpty();
        assertThat(links(page, alternate.replace("http://", "webcal://"))).containsExactly("Prenumerera på sökresultaten");
        assertThat(feed(uri.getPath() + "?" + uri.getQuery())).isEqualTo(feed("/calendar.ics?" + filters + "&lang=sv"));
    }

    @Test
    void placePageLinksItsFeed() {
        Document page = web.get("/places/" + place + "?lang=fi").html();
        String alternate = page.selectFirst("head link[rel=alternate][type=text/calendar]").attr("href");
        URI uri = URI.create(alternate);
        assertThat(uri.getPath()).isEqualTo("/places/" + place + "/calendar.ics");
        assertThat(links(page, alternate)).isNotEmpty();
        assertThat(links(page, alternate.replace("http://", "webcal://"))).containsExactly("Tilaa paikan ohjelma");
        assertThat(new TreeSet<>(expand(feed(uri.getPath() + "?" + uri.getQuery()))))
                .isEqualTo(new TreeSet<>(api("place=" + place)));
    }

    @Test
    void webmastersFindThePlaceAndOrganisationFeeds() {
        String text = web.get("/widget?lang=en").html().select("main").text();
        assertThat(text).contains("http://localhost:" + port + "/organisations/<id>/calendar.ics",
                "http://localhost:" + port + "/places/<id>/calendar.ics");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    String feed(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    static ICalendar parse(String body) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar ical = Biweekly.parse(body).warnings(warnings).first();
        assertThat(warnings.stream().flatMap(List::stream).map(ParseWarning::toString).toList()).isEmpty();
        assertThat(ical.validate(ICalVersion.V2_0).isEmpty()).as(ical.validate(ICalVersion.V2_0).toString()).isTrue();
        return ical;
    }

    /** Every occurrence of the feed in the compared windows, as biweekly expands it in the feed's zone. */
    static Set<Seen> expand(String body) {
        ICalendar ical = parse(body);
        LocalDate from = WINDOWS.get(0)[0];
        LocalDate to = WINDOWS.get(WINDOWS.size() - 1)[1];
        VTimezone vtz = ical.getTimezoneInfo().getComponents().iterator().next();
        // the zone's rules are checked against the tz database in theZoneHasTheEuRulesAndStartsCarryIt
        TimeZone zone = TimeZone.getTimeZone(ClockConfig.ZONE);
        Set<Seen> out = new HashSet<>();
        for (VEvent e : ical.getEvents()) {
            assertThat(ical.getTimezoneInfo().getTimezone(e.getDateStart()).getComponent()).isSameAs(vtz);
            long id = activityId(e);
            Set<Instant> excluded = new HashSet<>();
            for (ExceptionDates x : e.getExceptionDates()) {
                for (ICalDate d : x.getValues()) {
                    excluded.add(d.toInstant());
                }
            }
            DateIterator it = e.getDateIterator(zone);
            int n = 0;
            while (it.hasNext() && n++ < 5000) {
                Date next = it.next();
                if (excluded.contains(next.toInstant())) {
                    continue;
                }
                LocalDateTime local = LocalDateTime.ofInstant(next.toInstant(), ClockConfig.ZONE);
                if (local.toLocalDate().isAfter(to)) {
                    break;
                }
                if (!local.toLocalDate().isBefore(from)) {
                    assertThat(out.add(new Seen(local.toLocalDate(), local.toLocalTime(), id))).as("duplicate").isTrue();
                }
            }
        }
        return out;
    }

    /** The not-cancelled occurrences the JSON API gives for the query over the compared windows. */
    Set<Seen> api(String query) {
        Set<Seen> out = new HashSet<>();
        for (LocalDate[] w : WINDOWS) {
            for (int p = 0; ; p++) {
                var r = web.get("/api/v1/occurrences?" + query + "&start=" + w[0] + "&end=" + w[1]
                        + "&size=1000&page=" + p);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode items = json.readTree(r.body()).get("items");
                if (items.isEmpty()) {
                    break;
                }
                for (JsonNode o : items) {
                    if (!o.get("status").asText().equals("CANCELLED")) {
                        LocalDateTime start = OffsetDateTime.parse(o.get("start").asText())
                                .atZoneSameInstant(ClockConfig.ZONE).toLocalDateTime();
                        out.add(new Seen(start.toLocalDate(), start.toLocalTime(), o.get("activityId").asLong()));
                    }
                }
            }
        }
        return out;
    }

    /** The texts of the page's links to the address. */
    static List<String> links(Document page, String href) {
        return page.select("a[href]").stream().filter(a -> a.attr("href").equals(href)).map(a -> a.text()).toList();
    }

    static long activityId(VEvent e) {
        Matcher m = UID.matcher(e.getUid().getValue());
        assertThat(m.matches()).as(e.getUid().getValue()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static Set<Long> ids(Set<Seen> seen) {
        Set<Long> out = new HashSet<>();
        seen.forEach(s -> out.add(s.activityId()));
        return out;
    }
}
