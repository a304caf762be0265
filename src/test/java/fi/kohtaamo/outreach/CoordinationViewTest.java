package fi.kohtaamo.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.outreach.internal.CoordinationReport;
import fi.kohtaamo.outreach.internal.OutreachQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The coordination view counts what was inserted: confirmed visits per place and month (by the
 * Helsinki date, also at midnight across a month's end), places without a visit, professions, topics
 * and partners; nothing outside the actor's scope; the page and the CSV over HTTP, with bad parameters
 * answered 400 and formula-like names neutralised. The test clock stands at 25.11.2026 10.00 in Helsinki.
 */
@IntegrationTest
class CoordinationViewTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired Registry registry;
    @Autowired RegistryQueries registryQueries;
    @Autowired PublicDataCache cache;
    @Autowired ActivityService activities;
    @Autowired OutreachQueries outreach;
    @Autowired CoordinationReport reports;
    @Autowired JdbcClient jdbc;

    static final YearMonth FROM = YearMonth.of(2026, 6);
    static final int MONTHS = 6;
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 0);

    long county, area, otherArea, hostOrg, partnerA, partnerB, p1, p2, p3, p4, p5;
    long nurse, socialWorker, sleep, nutrition;
    String muni;
    Actor coordinator;
    Map<Long, Long> activityOf = new HashMap<>();
    /** What the test inserted, kept to compute the expected numbers independently of the report. */
    List<Ins> inserted = new ArrayList<>();

    record Ins(long place, LocalDateTime local, long partner, long profession, Long topic, String status,
            String cancelledBy, Boolean happened, Integer families) {

        YearMonth month() {
            return YearMonth.from(local);
        }

        boolean confirmed() {
            return status.equals("CONFIRMED");
        }

        boolean inPeriod() {
            return !month().isBefore(FROM) && month().isBefore(FROM.plusMonths(MONTHS));
        }
    }

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        String otherMuni = fx.municipality(county);
        area = fx.area(county, muni);
        otherArea = fx.area(county, otherMuni);
        hostOrg = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        partnerA = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        partnerB = fx.organisation(OrganisationType.PARISH, null, county);
        p1 = fx.place(area, muni, hostOrg);
        p2 = fx.place(area, muni, hostOrg);
        p3 = fx.place(area, muni, hostOrg);
        p4 = fx.place(area, muni, hostOrg);
        p5 = fx.place(otherArea, otherMuni, hostOrg);
        coordinator = new Actor(1, "Koordinaattori", Role.COUNTY_COORDINATOR, null, Set.of(), county, null, null);
        for (long p : List.of(p1, p2, p3, p4, p5)) {
            activityOf.put(p, activities.create(coordinator, weekly(p)));
        }
        nurse = item("outreach_profession", "nurse", "Terveydenhoitaja");
        socialWorker = item("outreach_profession", "social_worker", "Sosiaalityöntekijä");
        sleep = item("outreach_topic", "sleep", "Uni ja lepo");
        nutrition = item("outreach_topic", "nutrition", "Ravitsemus");

        visit(p1, LocalDateTime.of(2026, 5, 31, 23, 59), partnerA, nurse, sleep, "CONFIRMED", null, null);
        visit(p1, LocalDateTime.of(2026, 6, 10, 10, 0), partnerA, nurse, sleep, "CONFIRMED", true, 7);
        // 23.30 on 31.8. is August; 0.30 on 1.9. is September in Helsinki although still 31.8. in UTC
        visit(p1, LocalDateTime.of(2026, 8, 31, 23, 30), partnerA, nurse, null, "CONFIRMED", null, null);
        visit(p1, LocalDateTime.of(2026, 9, 1, 0, 30), partnerB, socialWorker, nutrition, "CONFIRMED", null, null);
        visit(p1, LocalDateTime.of(2026, 9, 15, 10, 0), partnerB, nurse, sleep, "DECLINED", null, null);
        visit(p1, LocalDateTime.of(2026, 10, 6, 10, 0), partnerA, socialWorker, sleep, "CONFIRMED", false, null);
        visit(p1, LocalDateTime.of(2026, 11, 20, 10, 0), partnerB, nurse, null, "CANCELLED", null, null);
        visit(p2, LocalDateTime.of(2026, 3, 10, 10, 0), partnerA, nurse, sleep, "CONFIRMED", true, 3);
        visit(p2, LocalDateTime.of(2026, 10, 13, 10, 0), partnerB, socialWorker, null, "DECLINED", null, null);
        visit(p2, LocalDateTime.of(2026, 12, 8, 10, 0), partnerA, nurse, nutrition, "CONFIRMED", null, null);
        visit(p4, LocalDateTime.of(2026, 10, 20, 10, 0), partnerB, nurse, sleep, "CONFIRMED", false, null);
        visit(p4, LocalDateTime.of(2026, 7, 7, 10, 0), partnerB, nurse, sleep, "REQUESTED", null, null);
        visit(p5, LocalDateTime.of(2026, 9, 8, 10, 0), partnerA, nurse, sleep, "CONFIRMED", true, 4);
    }

    ActivityForm weekly(long place) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9.30";
        f.endTime = "11:30";
        f.languages.add("fi");
        return f;
    }

    /** The catalogue's insert takes a type private to the module, so the test writes the row itself. */
    long item(String table, String code, String nameFi) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (county_id, code, name_fi, updated_at) values (:c, :code, :fi, :now)")
                .param("c", county).param("code", code).param("fi", nameFi)
                .param("now", Instant.now().atOffset(java.time.ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void visit(long place, LocalDateTime local, long partner, long profession, Long topic, String status,
            Boolean happened, Integer families) {
        Instant start = local.atZone(ClockConfig.ZONE).toInstant();
        Instant now = Instant.now();
        long slot = outreach.insertSlot(activityOf.get(place), place, local.toLocalDate(), start,
                start.plusSeconds(3600), topic == null ? "PRESENCE" : "TALK", 3, "fi", null, false, List.of(), false, now);
        String cancelledBy = null;
        long id;
        if (status.equals("CANCELLED")) {
            id = outreach.insertVisit(slot, partner, profession, topic, null, "Testi Vierailija", null, null, null,
                    "REQUESTED", false, now);
            assertThat(outreach.changeStatus(id, 0, "REQUESTED", "CANCELLED", "Sairastuin", "PARTNER", now)).isTrue();
            cancelledBy = "PARTNER";
        } else {
            id = outreach.insertVisit(slot, partner, profession, topic, null, "Testi Vierailija", null, null, null,
                    status, false, now);
        }
        if (happened != null) {
            assertThat(outreach.recordOutcome(id, 0, happened, families, now)).isTrue();
        }
        inserted.add(new Ins(place, local, partner, profession, topic, status, cancelledBy, happened, families));
    }

    static Map<Long, CoordinationReport.PlaceRow> byPlace(CoordinationReport.Report r) {
        Map<Long, CoordinationReport.PlaceRow> out = new LinkedHashMap<>();
        r.grid().forEach(row -> out.put(row.place().id(), row));
        return out;
    }

    @Test
    void countsWhatWasInsertedForTheCountyCoordinator() {
        CoordinationReport.Report r = reports.report(coordinator, FROM, MONTHS, 6);
        assertThat(r.months()).containsExactly(YearMonth.of(2026, 6), YearMonth.of(2026, 7), YearMonth.of(2026, 8),
                YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        Map<Long, CoordinationReport.PlaceRow> grid = byPlace(r);
        assertThat(grid.keySet()).containsExactlyInAnyOrder(p1, p2, p3, p4, p5);

        // the grid, cell by cell, against counts of the inserted rows
        int total = 0;
        for (long place : List.of(p1, p2, p3, p4, p5)) {
            CoordinationReport.PlaceRow row = grid.get(place);
            int rowTotal = 0;
            for (int i = 0; i < MONTHS; i++) {
                YearMonth m = FROM.plusMonths(i);
                long expected = inserted.stream().filter(v -> v.place() == place && v.confirmed() && v.month().equals(m)).count();
                long failed = inserted.stream().filter(v -> v.place() == place && v.confirmed() && v.month().equals(m)
                        && Boolean.FALSE.equals(v.happened())).count();
                assertThat(row.cells().get(i).confirmed()).as("place %d in %s", place, m).isEqualTo(expected);
                assertThat(row.cells().get(i).notHappened()).as("place %d in %s not happened", place, m).isEqualTo(failed);
                rowTotal += (int) expected;
            }
            assertThat(row.total()).isEqualTo(rowTotal);
            total += rowTotal;
        }
        assertThat(r.total()).isEqualTo(total);
        // spelled out for the month boundary: p1 has one in August (31.8. 23.30) and one in September (1.9. 0.30)
        assertThat(grid.get(p1).cells()).extracting(CoordinationReport.Cell::confirmed).containsExactly(1, 0, 1, 1, 1, 0);
        assertThat(grid.get(p4).cells().get(4)).isEqualTo(new CoordinationReport.Cell(1, 1));
        for (int i = 0; i < MONTHS; i++) {
            int col = i;
            assertThat(r.monthTotals().get(i)).isEqualTo(r.grid().stream().mapToInt(x -> x.cells().get(col).confirmed()).sum());
        }

        // places without a confirmed visit (not recorded as failed) since 25.5.2026
        assertThat(r.idleSince()).isEqualTo(LocalDate.of(2026, 5, 25));
        Map<Long, LocalDate> expectedIdle = new HashMap<>();
        for (long place : List.of(p1, p2, p3, p4, p5)) {
            LocalDate last = inserted.stream().filter(v -> v.place() == place && v.confirmed()
                            && !Boolean.FALSE.equals(v.happened()) && v.local().isBefore(NOW))
                    .map(v -> v.local().toLocalDate()).max(LocalDate::compareTo).orElse(null);
            if (last == null || last.isBefore(r.idleSince())) {
                expectedIdle.put(place, last);
            }
        }
        assertThat(expectedIdle.keySet()).containsExactlyInAnyOrder(p2, p3, p4);
        Map<Long, LocalDate> idle = new HashMap<>();
        r.idle().forEach(i -> idle.put(i.place().id(), i.lastVisit()));
        assertThat(idle).isEqualTo(expectedIdle);
        assertThat(idle.get(p2)).isEqualTo(LocalDate.of(2026, 3, 10));
        // with nine months, p2's visit in March counts
        assertThat(reports.report(coordinator, FROM, MONTHS, 9).idle()).extracting(i -> i.place().id())
                .containsExactlyInAnyOrder(p3, p4);

        // professions and topics of confirmed visits in the period
        Map<Long, Long> professions = inserted.stream().filter(v -> v.confirmed() && v.inPeriod())
                .collect(Collectors.groupingBy(Ins::profession, Collectors.counting()));
        assertThat(r.professions().stream().collect(Collectors.toMap(CoordinationReport.Count::id, c -> (long) c.confirmed())))
                .isEqualTo(professions);
        assertThat(r.professions()).filteredOn(c -> c.id() == nurse).singleElement()
                .satisfies(c -> assertThat(c.name().fi()).isEqualTo("Terveydenhoitaja"));
        Map<Long, Long> topics = inserted.stream().filter(v -> v.confirmed() && v.inPeriod() && v.topic() != null)
                .collect(Collectors.groupingBy(Ins::topic, Collectors.counting()));
        assertThat(r.topics().stream().collect(Collectors.toMap(CoordinationReport.Count::id, c -> (long) c.confirmed())))
                .isEqualTo(topics);
        assertThat(r.topics()).filteredOn(c -> c.id() == sleep).singleElement()
                .satisfies(c -> assertThat(c.name().fi()).isEqualTo("Uni ja lepo"));
        assertThat(r.presenceOnly()).isEqualTo(
                inserted.stream().filter(v -> v.confirmed() && v.inPeriod() && v.topic() == null).count()).isEqualTo(1);

        // partners
        assertThat(r.partners()).extracting(CoordinationReport.PartnerRow::organisationId)
                .containsExactlyInAnyOrder(partnerA, partnerB);
        for (CoordinationReport.PartnerRow row : r.partners()) {
            List<Ins> mine = inserted.stream().filter(v -> v.partner() == row.organisationId() && v.inPeriod()).toList();
            assertThat(row.booked()).isEqualTo(mine.size());
            assertThat(row.confirmed()).isEqualTo(mine.stream().filter(Ins::confirmed).count());
            assertThat(row.cancelledByPartner()).isEqualTo(mine.stream().filter(v -> "PARTNER".equals(v.cancelledBy())).count());
            assertThat(row.declined()).isEqualTo(mine.stream().filter(v -> v.status().equals("DECLINED")).count());
            assertThat(row.happened()).isEqualTo(mine.stream().filter(v -> Boolean.TRUE.equals(v.happened())).count());
            // families reached are protected: each unit (place, month, profession, topic, partner) of 1–4 families
            // adds 0 or 5 (docs/privacy-of-reports.md)
            var oracle = new fi.kohtaamo.support.SmallNumbersOracle(jdbc);
            Map<String, Integer> units = new java.util.TreeMap<>();
            mine.stream().filter(v -> v.confirmed() && Boolean.TRUE.equals(v.happened()) && v.families() != null)
                    .forEach(v -> units.merge("FAMILIES_REACHED|" + v.place() + "|" + (v.month().getYear() * 100
                            + v.month().getMonthValue()) + "|" + v.profession() + "|" + (v.topic() == null ? "-" : v.topic())
                            + "|" + v.partner(), v.families(), Integer::sum));
            long expected = 0;
            for (var u : units.entrySet()) {
                expected += oracle.share(u.getValue(), u.getKey());
            }
            assertThat(row.familiesReached()).isEqualTo(expected);
            assertThat(row.name()).isEqualTo(registry.organisation(row.organisationId()).orElseThrow().name());
        }
        assertThat(r.partners()).filteredOn(p -> p.organisationId() == partnerB).singleElement()
                .satisfies(p -> assertThat(p.cancelledByPartner()).isEqualTo(1));
    }

    @Test
    void coordinatorsSeeOnlyTheirScopeAndOthersNothing() {
        Actor otherAreaCoordinator = new Actor(2, "Toinen", Role.AREA_COORDINATOR, null, Set.of(), county, otherArea, null);
        CoordinationReport.Report other = reports.report(otherAreaCoordinator, FROM, MONTHS, 6);
        assertThat(other.grid()).extracting(row -> row.place().id()).containsExactly(p5);
        assertThat(other.idle()).extracting(i -> i.place().id()).doesNotContain(p1, p2, p3, p4);
        assertThat(other.professions()).extracting(CoordinationReport.Count::confirmed).containsExactly(1);
        assertThat(other.partners()).extracting(CoordinationReport.PartnerRow::organisationId).containsExactly(partnerA);
        assertThat(other.total()).isEqualTo(1);

        Actor ownAreaCoordinator = new Actor(3, "Oma", Role.AREA_COORDINATOR, null, Set.of(), county, area, null);
        assertThat(reports.report(ownAreaCoordinator, FROM, MONTHS, 6).grid()).extracting(row -> row.place().id())
                .containsExactlyInAnyOrder(p1, p2, p3, p4);

        Actor staff = new Actor(4, "Ohjaaja", Role.PROVIDER_STAFF, hostOrg, Set.of(hostOrg), county, null, null);
        assertThatThrownBy(() -> reports.report(staff, FROM, MONTHS, 6)).isInstanceOf(KohtaamoException.Forbidden.class);
        Actor partner = new Actor(5, "Kumppani", Role.PARTNER, partnerA, Set.of(partnerA), county, null, null);
        assertThatThrownBy(() -> reports.report(partner, FROM, MONTHS, 6)).isInstanceOf(KohtaamoException.Forbidden.class);
    }

    @Test
    void thePageAndTheCsvOverHttp() {
        String name = "=cmd() " + Fixtures.unique("x");
        long evil = registryQueries.insertPlace(Fixtures.command(name, area, muni, hostOrg), false, Instant.now());
        cache.changed();

        WebClient web = new WebClient(port);
        assertThat(web.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");

        var page = web.get("/admin/outreach/coordination");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var html = page.html();
        assertThat(html.select("h1").text()).isEqualTo("Jalkautumisen koordinointi");
        assertThat(html.select(".staff-nav a").eachAttr("href")).contains("/admin/outreach/coordination");
        assertThat(html.select("main h2")).hasSize(4);
        assertThat(html.select("main table caption")).hasSizeGreaterThanOrEqualTo(4);
        // the default period ends with the current month: 6/2026 … 11/2026
        assertThat(html.select("main table").first().select("thead th time").eachAttr("datetime"))
                .containsExactly("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(html.select("main form[method=get] label").eachText()).hasSize(3);
        assertThat(html.select("a:contains(Lataa CSV)").attr("href"))
                .isEqualTo("/admin/outreach/coordination.csv?from=2026-06&months=6&idle=6");

        for (String bad : List.of("from=bogus", "from=2026-13", "months=0", "months=25", "idle=x", "months=-1")) {
            var r = web.get("/admin/outreach/coordination?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(web.get("/admin/outreach/coordination.csv?" + bad).status()).as(bad).isEqualTo(400);
        }

        var csv = web.get("/admin/outreach/coordination.csv?from=2026-06&months=6&idle=6");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment")
                .contains("kohtaamo-visits-2026-06--2026-11.csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = parse(csv.body().substring(1));
        assertThat(rows.get(0).toList()).containsExactly("Paikka", "Kunta", "2026-06", "2026-07", "2026-08", "2026-09",
                "2026-10", "2026-11", "Yhteensä");
        assertThat(rows).filteredOn(r -> r.get(0).equals("'" + name)).singleElement()
                .satisfies(r -> assertThat(r.get(8)).isEqualTo("0"));
        assertThat(rows).noneMatch(r -> r.get(0).startsWith("=cmd()"));
        String p1Name = registry.staffPlace(p1).orElseThrow().name().fi();
        assertThat(rows).filteredOn(r -> r.get(0).equals(p1Name)).singleElement()
                .satisfies(r -> assertThat(r.toList().subList(2, 9)).containsExactly("1", "0", "1", "1", "1", "0", "4"));
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("Yhteensä");
        assertThat(evil).isPositive();

        // ?lang= sets the language (and a cookie) for the page and the CSV alike
        assertThat(web.get("/admin/outreach/coordination?lang=sv").html().select("h1").text())
                .isEqualTo("Samordning av uppsökande verksamhet");
        assertThat(parse(web.get("/admin/outreach/coordination.csv").body().substring(1)).get(0).get(0)).isEqualTo("Plats");
    }

    static List<CSVRecord> parse(String text) {
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** I18nTest lists the bundles it checks; this one is checked here until it is added there. */
    @Test
    void theBundleHasTheSameKeysInThreeLanguages() throws IOException {
        Properties fi = load("i18n/outreach_coordination.properties");
        Properties sv = load("i18n/outreach_coordination_sv.properties");
        Properties en = load("i18n/outreach_coordination_en.properties");
        assertThat(fi).isNotEmpty();
        assertThat(new TreeSet<>(sv.stringPropertyNames())).isEqualTo(new TreeSet<>(fi.stringPropertyNames()));
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(fi.stringPropertyNames()));
        for (Properties p : List.of(fi, sv, en)) {
            p.forEach((k, v) -> assertThat(k.toString()).startsWith("outreachCoord."));
            p.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        }
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CoordinationViewTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
