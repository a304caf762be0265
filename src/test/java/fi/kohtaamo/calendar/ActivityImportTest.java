package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing activities through the real pages: an iCalendar file like Google's export and a CSV
 * file, previewed row by row (nothing stored), confirmed in one go, and then seen by the public API
 * on the right dates and local times; bad files, hostile text, addresses and other organisations.
 */
@IntegrationTest
class ActivityImportTest {

    static final String PASSWORD = "tuonti-salasana-pitkä";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityQueries queries;
    @Autowired MessageSource messages;
    @Autowired JsonMapper json;
    @Autowired ConfigurableEnvironment environment;
    @Autowired javax.sql.DataSource dataSource;

    long county, org, otherOrg, place;
    String muni, staffEmail, otherEmail, staffName;
    HttpServer server;

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, muni, org);
        staffEmail = Fixtures.unique("tuoja").replace(' ', '-') + "@example.fi";
        otherEmail = Fixtures.unique("muu").replace(' ', '-') + "@example.fi";
        staffName = Fixtures.unique("Tuova Työntekijä");
        users.insert(staffEmail, staffName, encoder.encode(PASSWORD), Role.PROVIDER_STAFF, org, county, null,
                null, "fi", true, false, Instant.now());
        users.insert(otherEmail, "Muu Työntekijä", encoder.encode(PASSWORD), Role.PROVIDER_STAFF, otherOrg, county,
                null, null, "fi", true, false, Instant.now());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        environment.getPropertySources().remove("import-test");
    }

    WebClient signedIn(String email) {
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    String importPath() {
        return "/admin/places/" + place + "/import";
    }

    /** Opens the form (for the CSRF token) and posts a file with the given choices. */
    WebClient.Response upload(WebClient web, String query, String filename, String type, byte[] content,
            String... fields) {
        assertThat(web.get(importPath() + query).status()).isEqualTo(200);
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("importLanguage", "fi"));
        f.add(Map.entry("importPublished", "true"));
        for (int i = 0; i < fields.length; i += 2) {
            f.add(Map.entry(fields[i], fields[i + 1]));
        }
        List<WebClient.FilePart> files = filename == null ? List.of()
                : List.of(new WebClient.FilePart("importFile", filename, type, content));
        return web.postMultipart(importPath() + "/preview" + query, f, files);
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static final Locale FI = Locale.forLanguageTag("fi");

    /** The texts of one preview row: its name cell and its result cell. */
    static String row(Document page, int number) {
        Element tr = page.getElementById("row-" + number);
        assertThat(tr).as("row " + number).isNotNull();
        return tr.text();
    }

    int activitiesHere() {
        return queries.activitiesOfPlace(place).size();
    }

    static final String GOOGLE_ICS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Perhekeskus",
            "X-WR-TIMEZONE:Europe/Helsinki",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Helsinki",
            "X-LIC-LOCATION:Europe/Helsinki",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0300",
            "TZNAME:EEST",
            "DTSTART:19700329T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0300",
            "TZOFFSETTO:+0200",
            "TZNAME:EET",
            "DTSTART:19701025T040000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            // 1: weekly on Tuesdays and Thursdays, one Tuesday removed, one Thursday moved (below)
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270105T093000",
            "DTEND;TZID=Europe/Helsinki:20270105T113000",
            "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20270525T205959Z;BYDAY=TU,TH",
            "EXDATE;TZID=Europe/Helsinki:20270112T093000",
            "DTSTAMP:20261120T120000Z",
            "UID:perhekahvila@google.com",
            "SUMMARY:Perhekahvila",
            "DESCRIPTION:Tervetuloa\\, koko perhe!\\nKahvi 1 €.",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270115T170000",
            "DTEND;TZID=Europe/Helsinki:20270115T183000",
            "RECURRENCE-ID;TZID=Europe/Helsinki:20270114T093000",
            "DTSTAMP:20261120T120000Z",
            "UID:perhekahvila@google.com",
            "SUMMARY:Perhekahvila (iltakerta)",
            "END:VEVENT",
            // 2: every second Wednesday from week 1 (odd weeks)
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270106T130000",
            "DTEND;TZID=Europe/Helsinki:20270106T143000",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270428T215959Z",
            "UID:vauvat@google.com",
            "SUMMARY:Vauvakahvila",
            "END:VEVENT",
            // 3: the second Tuesday of the month, five times
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270112T180000",
            "DTEND;TZID=Europe/Helsinki:20270112T193000",
            "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=5",
            "UID:isat@google.com",
            "SUMMARY:Isien ilta",
            "END:VEVENT",
            // 4: the last Friday of the month, written with BYSETPOS
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270129T170000",
            "DURATION:PT1H",
            "RRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;UNTIL=20270531T205959Z",
            "UID:disko@google.com",
            "SUMMARY:Perhedisko",
            "END:VEVENT",
            // 5: a one-off event in UTC
            "BEGIN:VEVENT",
            "DTSTART:20270213T080000Z",
            "DTEND:20270213T100000Z",
            "UID:laskiainen@google.com",
            "SUMMARY:Laskiaisrieha",
            "END:VEVENT",
            // 6: daily: not representable
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270104T080000",
            "DTEND;TZID=Europe/Helsinki:20270104T090000",
            "RRULE:FREQ=DAILY;UNTIL=20270131T215959Z",
            "UID:aamu@google.com",
            "SUMMARY:Aamupuuro",
            "END:VEVENT",
            // 7: the 15th of every month: not representable
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Helsinki:20270115T100000",
            "DTEND;TZID=Europe/Helsinki:20270115T110000",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4",
            "UID:kuukausi@google.com",
            "SUMMARY:Kuukausikokous",
            "END:VEVENT",
            // 8: all day: no time
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20270301",
            "DTEND;VALUE=DATE:20270302",
            "UID:koko@google.com",
            "SUMMARY:Siivouspäivä",
            "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void aGoogleCalendarIsPreviewedRowByRowThenImportedAndShownByTheApi() {
        WebClient web = signedIn(staffEmail);
        var preview = upload(web, "", "perhekeskus.ics", "text/calendar", GOOGLE_ICS.getBytes(StandardCharsets.UTF_8),
                "importKind", "FAMILY_CAFE", "importOrganiser", String.valueOf(org));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document page = preview.html();
        assertThat(row(page, 1)).contains("Perhekahvila").contains("tiistaisin ja torstaisin klo 9.30–11.30, 5.1.–25.5.2027")
                .contains(msg("import.change.cancelled", FI, "2027-01-12"))
                .contains(msg("import.change.moved", FI, "2027-01-14", "2027-01-15", "17:00", "18:30"));
        assertThat(row(page, 2)).contains("parittomien viikkojen keskiviikkoisin klo 13.00–14.30, 6.1.–28.4.2027");
        assertThat(row(page, 3)).contains("kuukauden toisena tiistaina klo 18.00–19.30, 12.1.–11.5.2027");
        assertThat(row(page, 4)).contains("kuukauden viimeisenä perjantaina klo 17.00–18.00, 29.1.–31.5.2027");
        assertThat(row(page, 5)).contains("la 13.2.2027 klo 10.00–12.00");
        assertThat(row(page, 6)).contains("Aamupuuro").contains(msg("import.notImported", FI))
                .contains("RRULE: " + msg("import.ics.frequency", FI, "DAILY"));
        assertThat(row(page, 7)).contains("RRULE: " + msg("import.ics.unsupportedPart", FI, "BYMONTHDAY"));
        assertThat(row(page, 8)).contains("DTSTART: " + msg("import.ics.allDay", FI));
        assertThat(page.select("tr.import-ok")).hasSize(5);
        assertThat(page.select("tr.import-error")).hasSize(3);
        // nothing is stored at preview
        assertThat(activitiesHere()).isZero();

        String token = page.selectFirst("input[name=token]").attr("value");
        var done = web.post(importPath() + "/confirm", Map.of("token", token));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/admin/places/" + place + "/activities?imported=5");
        var list = web.get("/admin/places/" + place + "/activities?imported=5&lang=en").html();
        assertThat(list.select("main .notice").text()).isEqualTo("5 activities were imported.");
        assertThat(list.select("main a[href$=/import]")).isNotEmpty();
        var stored = queries.activitiesOfPlace(place);
        assertThat(stored).hasSize(5);
        assertThat(stored).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(ActivityKind.FAMILY_CAFE);
            assertThat(a.organiserIds()).containsExactly(org);
            assertThat(a.published()).isTrue();
        });
        assertThat(stored).anySatisfy(a -> assertThat(a.description().fi()).isEqualTo("Tervetuloa, koko perhe!\nKahvi 1 €."));
        // the same token cannot be used twice
        assertThat(web.post(importPath() + "/confirm", Map.of("token", token)).status()).isEqualTo(409);
        assertThat(queries.activitiesOfPlace(place)).hasSize(5);

        // the public API shows them on the right dates and local times
        JsonNode jan = occurrences("2027-01-04", "2027-01-17");
        assertThat(line(jan, "Perhekahvila", "2027-01-05")).isEqualTo("2027-01-05T09:30:00+02:00 SCHEDULED");
        assertThat(line(jan, "Perhekahvila", "2027-01-07")).isEqualTo("2027-01-07T09:30:00+02:00 SCHEDULED");
        assertThat(line(jan, "Perhekahvila", "2027-01-12")).isEqualTo("2027-01-12T09:30:00+02:00 CANCELLED");
        assertThat(line(jan, "Perhekahvila", "2027-01-14")).isEqualTo("2027-01-15T17:00:00+02:00 MOVED");
        // 6.1. is Epiphany: the holiday cancels it as for any activity
        assertThat(line(jan, "Vauvakahvila", "2027-01-06")).isEqualTo("2027-01-06T13:00:00+02:00 CANCELLED");
        assertThat(line(jan, "Vauvakahvila", "2027-01-13")).isNull();
        assertThat(line(jan, "Isien ilta", "2027-01-12")).isEqualTo("2027-01-12T18:00:00+02:00 SCHEDULED");
        JsonNode cancelled = find(jan, "Perhekahvila", "2027-01-12");
        assertThat(cancelled.get("reason").get("fi").asText()).isEqualTo(msg("import.reason.cancelled", FI));
        JsonNode feb = occurrences("2027-02-08", "2027-02-14");
        assertThat(line(feb, "Laskiaisrieha", "2027-02-13")).isEqualTo("2027-02-13T10:00:00+02:00 SCHEDULED");
        assertThat(line(feb, "Isien ilta", "2027-02-09")).isEqualTo("2027-02-09T18:00:00+02:00 SCHEDULED");
        JsonNode march = occurrences("2027-03-22", "2027-04-02");
        // after the change to summer time the local time stays 9.30
        assertThat(line(march, "Perhekahvila", "2027-03-30")).isEqualTo("2027-03-30T09:30:00+03:00 SCHEDULED");
        // Good Friday 26.3.2027 is the last Friday of March
        assertThat(line(march, "Perhedisko", "2027-03-26")).isEqualTo("2027-03-26T17:00:00+02:00 CANCELLED");
        JsonNode may = occurrences("2027-05-10", "2027-05-31");
        assertThat(line(may, "Isien ilta", "2027-05-11")).isEqualTo("2027-05-11T18:00:00+03:00 SCHEDULED");
        assertThat(line(may, "Perhekahvila", "2027-05-25")).isEqualTo("2027-05-25T09:30:00+03:00 SCHEDULED");
        assertThat(line(may, "Perhekahvila", "2027-05-27")).isNull();
        assertThat(line(may, "Perhedisko", "2027-05-28")).isEqualTo("2027-05-28T17:00:00+03:00 SCHEDULED");

        var jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACTIVITY_IMPORT' and entity_id = :id")
                .param("id", String.valueOf(place)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACTIVITY_CREATE' and actor_name = :n")
                .param("n", staffName).query(Long.class).single()).isEqualTo(5);
    }

    JsonNode occurrences(String start, String end) {
        var r = new WebClient(port).get("/api/v1/occurrences?place=" + place + "&start=" + start + "&end=" + end);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("items");
    }

    static JsonNode find(JsonNode items, String name, String originalDate) {
        for (JsonNode n : items) {
            if (n.get("name").get("fi").asText().equals(name) && n.get("originalDate").asText().equals(originalDate)) {
                return n;
            }
        }
        return null;
    }

    /** "start status" of an activity's occurrence by the date its rule gives it, or null. */
    static String line(JsonNode items, String name, String originalDate) {
        JsonNode n = find(items, name, originalDate);
        return n == null ? null : n.get("start").asText() + " " + n.get("status").asText();
    }

    static final String CSV = "\uFEFFname_fi;kind;weekdays;week_parity;start_date;end_date;start_time;end_time;"
            + "duration_minutes;languages;description_fi\r\n"
            + "<img src=x onerror=alert(1)>Perhekahvila;FAMILY_CAFE;ti,to;;2027-01-05;2027-05-25;9.30;11.30;;fi,sv;"
            + "\"=HYPERLINK(\"\"http://evil.example\"\");<script>alert(2)</script>\"\r\n"
            + "Vauvakahvila;BABY_CAFE;ma;;2027-13-01;2027-05-25;10:00;11:00;;fi;\r\n"
            + "Superkerho;SUPERKERHO;ke;;2027-01-05;2027-05-25;10:00;11:00;;fi;\r\n"
            + ";EVENT;to;;2027-01-05;2027-05-25;10:00;11:00;;fi;\r\n"
            + "Yökerho;EVENT;to;;2027-01-05;2027-05-25;25:00;;60;fi;\r\n"
            + "Joulujuhla;Tapahtuma;;;12.12.2026;;17.00;;120;fi;\r\n"
            + "Parilliset;Perhekahvila;pe;parillinen;4.1.2027;28.5.2027;9:00;10:00;;sv;\r\n";

    @Test
    void aCsvFileGetsRowByRowErrorsInTheUsersLanguageAndOnlyGoodRowsAreStored() {
        WebClient web = signedIn(staffEmail);
        Locale sv = Locale.forLanguageTag("sv");
        var preview = upload(web, "?lang=sv", "ohjelma.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document page = preview.html();
        assertThat(page.select("tr.import-ok")).hasSize(3);
        assertThat(page.select("tr.import-error")).hasSize(4);
        // row numbers as in a spreadsheet: the header is row 1
        assertThat(row(page, 2)).contains("tisdagar och torsdagar kl. 9.30–11.30, 5.1–25.5.2027");
        assertThat(row(page, 3)).contains("start_date: " + msg("validation.date", sv));
        assertThat(row(page, 4)).contains("kind: " + msg("import.csv.unknownKind", sv, "SUPERKERHO"));
        assertThat(row(page, 5)).contains("name_fi: " + msg("validation.required", sv));
        assertThat(row(page, 6)).contains("start_time: " + msg("validation.time", sv));
        assertThat(row(page, 7)).contains("lör 12.12 kl. 17.00–19.00");
        assertThat(row(page, 8)).contains("fredagar jämna veckor kl. 9.00–10.00");
        // hostile text is text
        assertThat(preview.body()).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;Perhekahvila");
        assertThat(activitiesHere()).isZero();

        String token = page.selectFirst("input[name=token]").attr("value");
        var done = web.post(importPath() + "/confirm", Map.of("token", token));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("?imported=3");
        var stored = queries.activitiesOfPlace(place);
        assertThat(stored).extracting(a -> a.name().fi()).containsExactlyInAnyOrder(
                "<img src=x onerror=alert(1)>Perhekahvila", "Joulujuhla", "Parilliset");
        var cafe = stored.stream().filter(a -> a.kind() == ActivityKind.FAMILY_CAFE && a.languages().contains("fi"))
                .findFirst().orElseThrow();
        assertThat(cafe.description().fi()).isEqualTo("=HYPERLINK(\"http://evil.example\");<script>alert(2)</script>");
        assertThat(cafe.languages()).containsExactly("fi", "sv");
        // and shown escaped on the public page
        var publicPage = new WebClient(port).get("/calendar/activities/" + cafe.id());
        assertThat(publicPage.status()).isEqualTo(200);
        assertThat(publicPage.body()).doesNotContain("<img src=x").doesNotContain("<script>alert(2)")
                .contains("&lt;img src=x onerror=alert(1)&gt;Perhekahvila");
        var party = stored.stream().filter(a -> a.name().fi().equals("Joulujuhla")).findFirst().orElseThrow();
        assertThat(party.kind()).isEqualTo(ActivityKind.EVENT);
        assertThat(party.schedule().durationMinutes()).isEqualTo(120);
    }

    @Test
    void badFilesGetAClearMessageAndStoreNothing() {
        WebClient web = signedIn(staffEmail);
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        var r = upload(web, "", "kuva.png", "image/png", garbage);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text()).isEqualTo(msg("import.file.notText", FI));

        r = upload(web, "", "tyhja.csv", "text/csv", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text()).isEqualTo(msg("import.file.empty", FI));

        byte[] big = ("name_fi;weekdays\n" + "x;ti\n".repeat(2 * 1024 * 1024 / 5)).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(2_000_000);
        r = upload(web, "", "iso.csv", "text/csv", big);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text()).isEqualTo(msg("import.file.tooLarge", FI, 1));

        r = upload(web, "", "teksti.txt", "text/plain", "hello world\nsecond line\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text())
                .isEqualTo(msg("import.csv.unknownColumn", FI, "hello world"));

        r = upload(web, "", "rikki.ics", "text/calendar",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\n".getBytes(StandardCharsets.UTF_8),
                "importKind", "EVENT");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text()).startsWith(msg("import.ics.unreadable", FI, 9).substring(0, 20));

        // no file and no address; an unknown kind in the form
        r = upload(web, "", null, null, null, "importKind", "NOT_A_KIND");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importFile-error").text()).isEqualTo(msg("import.sourceMissing", FI));
        assertThat(r.html().select("#f-importKind-error").text()).isEqualTo(msg("validation.choice", FI));

        // confirming without a preview does nothing
        web.get(importPath());
        assertThat(web.post(importPath() + "/confirm", Map.of("token", "forged")).status()).isEqualTo(409);
        assertThat(activitiesHere()).isZero();
    }

    /** A small HTTP server of the test: a calendar, a redirect loop, a page that is not a calendar. */
    String testServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cal.ics", ex -> {
            byte[] body = GOOGLE_ICS.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/cal.ics");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/page.html", ex -> {
            byte[] body = "<html><body>BEGIN:VCALENDAR</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aCalendarAddressIsFetchedOnlyWhenTheTestSwitchAllowsLocalAddresses() throws Exception {
        String host = testServer();
        WebClient web = signedIn(staffEmail);
        // default: local and private addresses are refused, and so is plain http
        var r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "https://" + host + "/cal.ics");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.privateAddress", FI));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "webcal://localhost:1/cal.ics");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.privateAddress", FI));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "https://[::1]:1/cal.ics");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.privateAddress", FI));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "http://" + host + "/cal.ics");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.httpsOnly", FI));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "file:///etc/passwd");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.httpsOnly", FI));
        assertThat(server.getAddress()).isNotNull();

        environment.getPropertySources().addFirst(new MapPropertySource("import-test",
                Map.of("kohtaamo.import.allow-private-addresses", "true")));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "http://" + host + "/moved");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.html().select("tr.import-ok")).hasSize(5);
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "http://" + host + "/loop");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.redirects", FI, 3));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "http://" + host + "/page.html");
        assertThat(r.html().select("#f-importUrl-error").text()).isEqualTo(msg("import.url.contentType", FI, "text/html"));
        r = upload(web, "", null, null, null, "importKind", "EVENT", "importUrl", "http://" + host + "/cal.ics");
        String token = r.html().selectFirst("input[name=token]").attr("value");
        assertThat(activitiesHere()).isZero();
        assertThat(web.post(importPath() + "/confirm", Map.of("token", token)).status()).isEqualTo(302);
        assertThat(activitiesHere()).isEqualTo(5);
    }

    @Test
    void staffOfAnotherOrganisationGet403AndNothingIsStored() {
        WebClient own = signedIn(staffEmail);
        var preview = upload(own, "", "p.ics", "text/calendar", GOOGLE_ICS.getBytes(StandardCharsets.UTF_8),
                "importKind", "EVENT");
        String token = preview.html().selectFirst("input[name=token]").attr("value");

        WebClient other = signedIn(otherEmail);
        assertThat(other.get(importPath()).status()).isEqualTo(403);
        assertThat(other.get(importPath() + "/template.csv").status()).isEqualTo(403);
        other.get("/admin");
        var r = other.postMultipart(importPath() + "/preview", List.of(Map.entry("importKind", "EVENT")),
                List.of(new WebClient.FilePart("importFile", "p.ics", "text/calendar",
                        GOOGLE_ICS.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(other.post(importPath() + "/confirm", Map.of("token", token)).status()).isEqualTo(403);
        assertThat(activitiesHere()).isZero();
        // the template is there for those who may import
        var template = own.get(importPath() + "/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        assertThat(template.body()).contains("name_fi;name_sv;name_en;kind;weekdays");
    }

    @Test
    void aPreviewTokenWorksOnlyForItsOwnPlaceAndOnlyOnce() {
        long secondPlace = fx.place(fx.area(county, muni), muni, org);
        WebClient web = signedIn(staffEmail);
        var preview = upload(web, "", "p.ics", "text/calendar", GOOGLE_ICS.getBytes(StandardCharsets.UTF_8),
                "importKind", "EVENT");
        String token = preview.html().selectFirst("input[name=token]").attr("value");
        var elsewhere = web.post("/admin/places/" + secondPlace + "/import/confirm", Map.of("token", token));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.html().select(".error-summary").text()).isEqualTo(msg("import.expired", FI));
        assertThat(queries.activitiesOfPlace(secondPlace)).isEmpty();
        assertThat(web.post(importPath() + "/confirm", Map.of("token", token + "x")).status()).isEqualTo(409);
        assertThat(activitiesHere()).isZero();
        // a newer preview replaces the older one
        var newer = upload(web, "", "p.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        String newToken = newer.html().selectFirst("input[name=token]").attr("value");
        assertThat(web.post(importPath() + "/confirm", Map.of("token", token)).status()).isEqualTo(409);
        assertThat(web.post(importPath() + "/confirm", Map.of("token", newToken)).header("Location")).endsWith("?imported=3");
        assertThat(activitiesHere()).isEqualTo(3);
    }

    @Test
    void theTemplateImportsAsItIs() {
        WebClient web = signedIn(staffEmail);
        var template = web.get(importPath() + "/template.csv");
        var preview = upload(web, "", "pohja.csv", "text/csv", template.body().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.html().select("tr.import-error").eachText()).isEmpty();
        assertThat(preview.html().select("tr.import-ok")).hasSize(3);
        assertThat(row(preview.html(), 4)).contains("kuukauden viimeisenä perjantaina klo 17.30–19.00");
    }
}
