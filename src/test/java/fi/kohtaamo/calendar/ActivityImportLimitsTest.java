package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.HeavyWork;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hostile iCalendar files at the import preview, over real HTTP as a provider's staff member: a
 * time-zone rule that would expand without end, long EXDATE lists, too many lines. Each is refused
 * at once with a message in the user's language, stores nothing, and public pages keep answering.
 */
@IntegrationTest
class ActivityImportLimitsTest {

    static final String PASSWORD = "rajat-salasana-pitkä";
    static final Locale FI = Locale.forLanguageTag("fi");
    static final Locale SV = Locale.forLanguageTag("sv");

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityQueries queries;
    @Autowired MessageSource messages;
    @Autowired HeavyWork heavyWork;

    long place;
    String staffEmail;

    @BeforeEach
    void world() {
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        staffEmail = Fixtures.unique("rajat").replace(' ', '-') + "@example.fi";
        users.insert(staffEmail, "Rajojen Testaaja", encoder.encode(PASSWORD), Role.PROVIDER_STAFF, org, county, null,
                null, "fi", true, false, Instant.now());
    }

    WebClient signedIn() {
        WebClient web = new WebClient(port);
        var r = web.login(staffEmail, PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin");
        return web;
    }

    WebClient.Response upload(WebClient web, String query, byte[] content) {
        String path = "/admin/places/" + place + "/import";
        assertThat(web.get(path + query).status()).isEqualTo(200);
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("importLanguage", "fi"));
        f.add(Map.entry("importPublished", "true"));
        f.add(Map.entry("importKind", "FAMILY_CAFE"));
        return web.postMultipart(path + "/preview" + query, f,
                List.of(new WebClient.FilePart("importFile", "kalenteri.ics", "text/calendar", content)));
    }

    String error(WebClient.Response r) {
        return r.html().select("#f-importFile-error").text();
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The file of the incident: 410 bytes, a VTIMEZONE observance from 1601 repeating every second. */
    static byte[] secondlyTimeZone(String tzid) {
        String head = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//FI");
        String rest = String.join("\r\n", "",
                "BEGIN:VTIMEZONE", "TZID:" + tzid,
                "BEGIN:STANDARD", "DTSTART:16010101T000000", "RRULE:FREQ=SECONDLY",
                "TZOFFSETFROM:+0200", "TZOFFSETTO:+0200", "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VEVENT", "UID:a@x", "DTSTART;TZID=" + tzid + ":20270105T093000",
                "DTEND;TZID=" + tzid + ":20270105T110000", "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10",
                "SUMMARY:Perhekahvila", "END:VEVENT", "END:VCALENDAR", "");
        // padded in a comment-like X- property to the incident's exact size
        int pad = 410 - head.length() - rest.length() - "\r\nX-PAD:".length();
        return (head + "\r\nX-PAD:" + "x".repeat(Math.max(0, pad)) + rest).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aTimeZoneRuleRepeatingEverySecondIsRefusedAtOnceWhilePublicPagesKeepAnswering() throws Exception {
        byte[] file = secondlyTimeZone("Evil/Zone");
        assertThat(file).hasSize(410);
        WebClient web = signedIn();
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/calendar?lang=fi").status()).isEqualTo(200); // warm: the first page of a run
        var heap = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = heap.getHeapMemoryUsage().getUsed();
        long[] peak = {before};
        long started = System.nanoTime();
        CompletableFuture<WebClient.Response> upload = CompletableFuture.supplyAsync(() -> upload(web, "", file));
        int fetched = 0;
        do {
            long t = System.nanoTime();
            var page = visitor.get("/calendar?lang=fi");
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertThat(page.status()).isEqualTo(200);
            assertThat(ms).as("public calendar page answered while the file was read").isLessThan(2000);
            peak[0] = Math.max(peak[0], heap.getHeapMemoryUsage().getUsed());
            fetched++;
        } while (!upload.isDone() && System.nanoTime() - started < Duration.ofSeconds(15).toNanos());
        var r = upload.get(1, TimeUnit.SECONDS);
        long took = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.timeZoneRefused", FI, "Evil/Zone"));
        assertThat(took).as("the refusal took %d ms", took).isLessThan(5000);
        assertThat(fetched).isGreaterThan(0);
        assertThat(peak[0] - before).as("heap growth while the file was read").isLessThan(1024L * 1024 * 1024); // the incident: 5.9 GB in 20 s
        assertThat(queries.activitiesOfPlace(place)).isEmpty();

        // in Swedish too
        r = upload(web, "?lang=sv", file);
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.timeZoneRefused", SV, "Evil/Zone"));
    }

    @Test
    void theTimeZoneCannotBeHiddenByFoldingOrOtherLineEnds() {
        String ics = new String(secondlyTimeZone("Evil/Zone"), StandardCharsets.US_ASCII);
        WebClient web = signedIn();
        for (String hidden : List.of(ics.replace("\r\n", "\r"), ics.replace("\r\n", "\n"),
                ics.replace("BEGIN:VTIMEZONE", "begin:VTIME\r\n ZONE").replace("FREQ=SECONDLY", "FREQ=SEC\r\n\tONDLY"))) {
            long t = System.nanoTime();
            var r = upload(web, "", hidden.getBytes(StandardCharsets.US_ASCII));
            assertThat(r.status()).isEqualTo(400);
            assertThat(error(r)).isEqualTo(msg("import.ics.timeZoneRefused", FI, "Evil/Zone"));
            assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void aKnownZonesDefinitionInTheFileIsNotReadItsOwnRulesAreUsed() {
        // the same hostile observance under a known name: the file's definition is left out
        var r = upload(signedIn(), "", secondlyTimeZone("Europe/Helsinki"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.html().getElementById("row-1").text()).contains("Perhekahvila").contains("9.30–11.00");
    }

    @Test
    void anOutlookTimeZoneWithYearlyRulesFrom1601IsStillRead() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
                "BEGIN:VTIMEZONE", "TZID:FLE Standard Time",
                "BEGIN:STANDARD", "DTSTART:16011028T040000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010325T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "END:DAYLIGHT", "END:VTIMEZONE",
                "BEGIN:VEVENT", "UID:o@x", "DTSTART;TZID=\"FLE Standard Time\":20270406T093000",
                "DTEND;TZID=\"FLE Standard Time\":20270406T110000", "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4",
                "SUMMARY:Kesäajan kahvila", "END:VEVENT", "END:VCALENDAR", "");
        var r = upload(signedIn(), "", ics.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.html().getElementById("row-1").text()).contains("9.30–11.00");
    }

    @Test
    void twentyTwoThousandExdatesAreRefusedQuickly() {
        StringBuilder ics = new StringBuilder(String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
                "BEGIN:VEVENT", "UID:e@x", "DTSTART;TZID=Europe/Helsinki:20270105T093000",
                "DTEND;TZID=Europe/Helsinki:20270105T110000", "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T000000Z",
                "SUMMARY:Kahvila", ""));
        java.time.LocalDate d = java.time.LocalDate.of(2027, 1, 5);
        for (int i = 0; i < 22_000; i++) {
            // a hundred dates a line, as long lists are written
            ics.append(i % 100 == 0 ? (i == 0 ? "" : "\r\n") + "EXDATE;TZID=Europe/Helsinki:" : ",")
                    .append(d.plusDays(i).toString().replace("-", "")).append("T093000");
        }
        ics.append("\r\n");
        ics.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        byte[] file = ics.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(file.length).isLessThan(1024 * 1024);
        WebClient web = signedIn();
        long t = System.nanoTime();
        var r = upload(web, "?lang=en", file);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.tooManyDates", Locale.ENGLISH, "2000"));
        assertThat(ms).as("refused in %d ms", ms).isLessThan(1500);

        // the same dates one a line
        byte[] lines = ics.toString().replace(",", "\r\nEXDATE;TZID=Europe/Helsinki:").getBytes(StandardCharsets.US_ASCII);
        t = System.nanoTime();
        r = upload(web, "?lang=en", lines);
        ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.tooManyLines", Locale.ENGLISH, "20000"));
        assertThat(ms).as("refused in %d ms", ms).isLessThan(1500);
        assertThat(queries.activitiesOfPlace(place)).isEmpty();
    }

    @Test
    void tooManyLinesOrTimeZonesAreRefusedBeforeParsing() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + "X-A:b\r\n".repeat(25_000) + "END:VCALENDAR\r\n";
        var r = upload(signedIn(), "", ics.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.tooManyLines", FI, "20000"));

        // one line folded into 150 000 pieces
        String folded = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-A:b" + "\r\n x".repeat(150_000) + "\r\nEND:VCALENDAR\r\n";
        r = upload(signedIn(), "", folded.getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.tooManyLines", FI, "20000"));

        StringBuilder zones = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
        for (int i = 0; i < 21; i++) {
            zones.append("BEGIN:VTIMEZONE\r\nTZID:Oma ").append(i).append("\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n")
                    .append("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        }
        zones.append("END:VCALENDAR\r\n");
        r = upload(signedIn(), "?lang=sv", zones.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r)).isEqualTo(msg("import.ics.tooManyTimeZones", SV, "20"));
    }

    /** A few files at their largest would keep every core busy: more than two at once wait, then are told to try again. */
    @Test
    void filesBeyondTheInstancesShareAtOnceAreToldToTryAgainAndNothingIsStored() throws Exception {
        byte[] file = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//FI", "BEGIN:VEVENT",
                "UID:b@x", "DTSTART;TZID=Europe/Helsinki:20270105T093000", "DTEND;TZID=Europe/Helsinki:20270105T110000",
                "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10", "SUMMARY:Perhekahvila", "END:VEVENT", "END:VCALENDAR", "")
                .getBytes(StandardCharsets.UTF_8);
        WebClient web = signedIn();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(2);
        List<CompletableFuture<Object>> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            busy.add(CompletableFuture.supplyAsync(() -> heavyWork.run("test", () -> {
                holding.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
        }
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            var r = upload(web, "?lang=sv", file);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("10");
            assertThat(r.html().select("h1").text()).isEqualTo(msg("error.busy.title", SV));
            assertThat(r.body()).contains(msg("error.busy.detail", SV));
        } finally {
            release.countDown();
        }
        for (var f : busy) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(queries.activitiesOfPlace(place)).isEmpty();
        var r = upload(web, "", file);
        assertThat(r.status()).isEqualTo(200);
    }
}
