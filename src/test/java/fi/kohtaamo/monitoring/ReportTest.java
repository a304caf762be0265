package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.monitoring.internal.CountQueries;
import fi.kohtaamo.monitoring.internal.ReportService;
import fi.kohtaamo.monitoring.internal.ReportService.Breakdown;
import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.monitoring.internal.ReportService.Filter;
import fi.kohtaamo.monitoring.internal.ReportService.Period;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports against independently computed sums of the raw rows, small-number suppression that leaves
 * nothing to subtract, periods and their previous periods, and who sees which places (a national
 * organisation's reporter: its places in every county and nothing else).
 */
@IntegrationTest
class ReportTest {

    static final AtomicLong IDS = new AtomicLong(3_000_000);

    @Autowired Fixtures fx;
    @Autowired CountQueries counts;
    @Autowired ReportService reports;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;
    @Autowired fi.kohtaamo.shared.PublicDataCache cache;
    @Autowired fi.kohtaamo.shared.SmallNumbers small;
    @LocalServerPort int port;

    long countyA, countyB, national, mllA, mllB, parishA;
    List<Long> placesA = new ArrayList<>();
    long placeB, parishPlace;
    Actor coordinatorA, reporter, parishStaff;

    @BeforeEach
    void world() {
        countyA = fx.county();
        countyB = fx.county();
        String m1 = fx.municipality(countyA);
        String m2 = fx.municipality(countyA);
        String m3 = fx.municipality(countyB);
        long area1 = fx.area(countyA, m1);
        long area2 = fx.area(countyA, m2);
        long area3 = fx.area(countyB, m3);
        national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        mllA = fx.organisation(OrganisationType.MLL_ASSOCIATION, national, countyA);
        mllB = fx.organisation(OrganisationType.MLL_ASSOCIATION, national, countyB);
        parishA = fx.organisation(OrganisationType.PARISH, null, countyA);
        placesA.clear();
        placesA.add(fx.openPlace(area1, m1, mllA));
        placesA.add(fx.openPlace(area1, m1, mllA));
        placesA.add(fx.openPlace(area2, m2, mllA));
        parishPlace = fx.openPlace(area2, m2, parishA);
        placeB = fx.openPlace(area3, m3, mllB);
        coordinatorA = new Actor(IDS.incrementAndGet(), "K", Role.COUNTY_COORDINATOR, null, Set.of(), countyA, null, null);
        reporter = new Actor(IDS.incrementAndGet(), "R", Role.NATIONAL_REPORTER, national,
                registry.organisationWithDescendants(national), null, null, null);
        parishStaff = new Actor(IDS.incrementAndGet(), "S", Role.PROVIDER_STAFF, parishA,
                registry.organisationWithDescendants(parishA), null, null, null);
        Random random = new Random(5);
        List<Long> all = new ArrayList<>(placesA);
        all.add(parishPlace);
        all.add(placeB);
        for (long place : all) {
            for (LocalDate d = LocalDate.of(2026, 9, 1); d.isBefore(LocalDate.of(2026, 11, 1)); d = d.plusDays(1 + random.nextInt(3))) {
                int adults = random.nextInt(12);
                counts.insert(place, null, d, new CountQueries.Figures(adults, random.nextInt(4), random.nextInt(6),
                        random.nextInt(6), random.nextInt(2), 0, Math.min(adults, random.nextInt(3)), 1, 1), Map.of(),
                        false, Instant.now());
            }
        }
        // one tiny place: its October is below 5 in every figure
        long tiny = fx.openPlace(area1, m1, mllA);
        placesA.add(tiny);
        counts.insert(tiny, null, LocalDate.of(2026, 10, 5), new CountQueries.Figures(2, 1, 0, 1, 0, 0, 1, 0, 1),
                Map.of("CHILD_HEALTH_CLINIC", 1), false, Instant.now());
    }

    long sql(String expression, List<Long> places, String from, String to) {
        return jdbc.sql("select coalesce(sum(" + expression + "), 0) from visit_count where place_id in (:p) "
                        + "and on_date between :f and :t")
                .param("p", places).param("f", LocalDate.parse(from)).param("t", LocalDate.parse(to))
                .query(Long.class).single();
    }

    /** What a figure must show for these places and months (docs/privacy-of-reports.md), from the raw rows. */
    fi.kohtaamo.support.SmallNumbersOracle.Value expected(Figure f, List<Long> places, String fromMonth, String toMonth) {
        return new fi.kohtaamo.support.SmallNumbersOracle(jdbc).figure(f.name(), places,
                java.time.YearMonth.parse(fromMonth), java.time.YearMonth.parse(toMonth));
    }

    long published(Figure f, List<Long> places, String fromMonth, String toMonth) {
        return expected(f, places, fromMonth, toMonth).value();
    }

    static String max(LocalDate a, String b) {
        return a.isAfter(LocalDate.parse(b)) ? a.toString() : b;
    }

    static String min(LocalDate a, String b) {
        return a.isBefore(LocalDate.parse(b)) ? a.toString() : b;
    }

    static final String VISITORS = "adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17";

    @Test
    void totalsAndRowsAreTheSumsOfTheRawRows() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        ReportService.Report r = reports.report(coordinatorA, new Filter(null, null, null, null, null), october, Breakdown.PLACE);
        List<Long> county = new ArrayList<>(placesA);
        county.add(parishPlace);
        List<Long> inReport = new ArrayList<>();
        for (var row : r.rows()) {
            inReport.add(Long.parseLong(row.key().substring(1)));
        }
        assertThat(inReport).containsAll(county).doesNotContain(placeB);
        for (Figure f : Figure.values()) {
            if (f.people()) {
                var e = expected(f, inReport, "2026-10", "2026-10");
                assertThat(r.total().current().get(f)).as(f.name()).isEqualTo(e.value());
                assertThat(r.hidden(-1, f)).as(f.name()).isEqualTo(e.hidden());
                assertThat(r.total().previous().get(f)).as(f.name()).isEqualTo(published(f, inReport, "2026-09", "2026-09"));
            }
        }
        // the previous period is September
        assertThat(r.previous()).isEqualTo(new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)));
        for (int i = 0; i < r.rows().size(); i++) {
            var row = r.rows().get(i);
            long place = Long.parseLong(row.key().substring(1));
            for (Figure f : Figure.values()) {
                if (f.people()) {
                    var e = expected(f, List.of(place), "2026-10", "2026-10");
                    assertThat(row.current().get(f)).as(place + " " + f).isEqualTo(e.value());
                    assertThat(r.hidden(i, f)).as(place + " " + f).isEqualTo(e.hidden());
                }
            }
        }
        // a period of days is refused: reports cover whole months that have ended (the month of today is not over)
        for (Period days : List.of(new Period(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 20)),
                new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30)),
                new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))) {
            assertThatThrownBy(() -> reports.report(coordinatorA, new Filter(null, null, null, null, null), days, Breakdown.PLACE))
                    .as(days.toString()).isInstanceOf(fi.kohtaamo.shared.KohtaamoException.BadParameter.class)
                    .extracting(e -> ((fi.kohtaamo.shared.KohtaamoException) e).code()).isEqualTo("report-months");
        }
        // visitors by month, and the smallest, median and largest place-month, from the raw rows
        Period p = new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31));
        ReportService.Report months = reports.report(coordinatorA, new Filter(null, null, null, null, null), p, Breakdown.PLACE);
        assertThat(months.byMonth()).containsExactly(
                Map.entry(java.time.YearMonth.of(2026, 9), published(Figure.VISITORS, inReport, "2026-09", "2026-09")),
                Map.entry(java.time.YearMonth.of(2026, 10), published(Figure.VISITORS, inReport, "2026-10", "2026-10")));
        List<Long> placeMonths = new ArrayList<>();
        for (long place : inReport) {
            for (String m : List.of("2026-09", "2026-10")) {
                if (sql(VISITORS + " + 0 * 1", List.of(place), m + "-01", java.time.YearMonth.parse(m).atEndOfMonth().toString()) > 0
                        || jdbc.sql("select count(*) from visit_count where place_id = :p and on_date between :f and :t")
                        .param("p", place).param("f", java.time.YearMonth.parse(m).atDay(1))
                        .param("t", java.time.YearMonth.parse(m).atEndOfMonth()).query(Long.class).single() > 0) {
                    placeMonths.add(published(Figure.VISITORS, List.of(place), m, m));
                }
            }
        }
        placeMonths.sort(null);
        int n = placeMonths.size();
        assertThat(months.monthlyPerPlace().min()).isEqualTo(placeMonths.get(0));
        assertThat(months.monthlyPerPlace().median()).isEqualTo(
                n % 2 == 1 ? placeMonths.get(n / 2) : (placeMonths.get(n / 2 - 1) + placeMonths.get(n / 2)) / 2);
        assertThat(months.monthlyPerPlace().max()).isEqualTo(placeMonths.get(n - 1));
        assertThat(months.monthlyPerPlace().placeMonths()).isEqualTo(n);
        // by area: two rows that add up to the total
        ReportService.Report byArea = reports.report(coordinatorA, new Filter(null, null, null, null, null), october, Breakdown.AREA);
        long areaSum = byArea.rows().stream().filter(x -> x.label().fi().startsWith("Testialue"))
                .mapToLong(x -> x.current().get(Figure.VISITORS)).sum();
        assertThat(byArea.rows().stream().mapToLong(x -> x.current().get(Figure.VISITORS)).sum())
                .isEqualTo(byArea.total().current().get(Figure.VISITORS));
        assertThat(areaSum).isPositive();
    }

    @Test
    void smallNumbersAreHiddenAndCannotBeWorkedOut() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        ReportService.Report r = reports.report(coordinatorA, new Filter(null, null, null, null, null), october, Breakdown.PLACE);
        int tiny = -1;
        for (int i = 0; i < r.rows().size(); i++) {
            if (r.rows().get(i).key().equals("p" + placesA.get(placesA.size() - 1))) {
                tiny = i;
            }
        }
        assertThat(tiny).isNotNegative();
        var tinyRow = r.rows().get(tiny);
        for (Figure f : Figure.values()) {
            if (f.people()) {
                // every figure of the tiny place is 0 or a sum of units under 5
                var e = expected(f, List.of(placesA.get(placesA.size() - 1)), "2026-10", "2026-10");
                assertThat(r.hidden(tiny, f)).as(f.name()).isEqualTo(e.hidden());
                assertThat(tinyRow.current().get(f)).as(f.name()).isEqualTo(e.value()).isIn(0L, 5L, 10L, 15L);
            }
        }
        for (Figure f : List.of(Figure.ADULTS, Figure.CHILDREN_UNDER_1, Figure.CHILDREN_3_6, Figure.FIRST_TIME_FAMILIES,
                Figure.REFERRALS)) {
            assertThat(r.hidden(tiny, f)).as(f.name()).isTrue();
        }
        assertThat(r.hidden(tiny, Figure.CHILDREN_1_2)).as("a zero is shown").isFalse();
    }

    /**
     * The shares: a unit of 1–4 adds 0 or 5 to every sum, the same every time, 5 by a chance of value / 5 (so sums
     * are right on average); a unit of 0 or of 5 and more adds itself. A sum shows "<5" when it holds people but its
     * shares add up to nothing, or when its only non-zero unit is small.
     */
    @Test
    void smallUnitsAddZeroOrFiveToSumsAtTheirValuesChance() {
        reports.report(coordinatorA, new Filter(null, null, null, null, null),
                new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)), Breakdown.PLACE);
        fi.kohtaamo.shared.SmallNumbers small = this.small;
        var oracle = new fi.kohtaamo.support.SmallNumbersOracle(jdbc);
        for (long value = 1; value <= 4; value++) {
            int fives = 0;
            for (int unit = 0; unit < 20_000; unit++) {
                long share = small.share(value, "TEST|" + unit + "|" + value);
                assertThat(share).isIn(0L, 5L);
                assertThat(small.share(value, "TEST|" + unit + "|" + value)).isEqualTo(share);
                assertThat(oracle.share(value, "TEST|" + unit + "|" + value)).isEqualTo(share);
                fives += share == 5 ? 1 : 0;
            }
            // 20 000 draws: the share of fives is value / 5 within five standard deviations
            assertThat(fives / 20_000.0).as("value " + value).isCloseTo(value / 5.0, org.assertj.core.data.Offset.offset(0.015));
        }
        for (long value : new long[] {0, 5, 6, 17, 1200}) {
            assertThat(small.share(value, "TEST|x")).isEqualTo(value);
        }
        var sum = new fi.kohtaamo.shared.SmallNumbers.Sum();
        sum.add(3, small.share(3, "TEST|only"));
        assertThat(sum.hidden()).as("one small unit").isTrue();
        sum.add(0, 0);
        assertThat(sum.hidden()).isTrue();
        sum.add(12, 12);
        assertThat(sum.hidden()).as("a small and a large unit").isFalse();
        var nothing = new fi.kohtaamo.shared.SmallNumbers.Sum();
        nothing.add(0, 0);
        assertThat(nothing.hidden()).as("nothing to hide").isFalse();
    }

    /**
     * A report is kept until something it reads changes: asked again it is the same report; a corrected count
     * (a write of the counts' version) or a place's new kind (a write of the public data version) shows in the
     * very next report. Coordinators of the same county share the kept report.
     */
    @Test
    void aKeptReportShowsEveryCountWriteAndRegistryChangeAtOnce() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        Filter all = new Filter(null, null, null, null, null);
        ReportService.Report first = reports.report(coordinatorA, all, october, Breakdown.PLACE);
        assertThat(reports.report(coordinatorA, all, october, Breakdown.PLACE)).isSameAs(first);
        Actor colleague = new Actor(IDS.incrementAndGet(), "K2", Role.COUNTY_COORDINATOR, null, Set.of(), countyA, null, null);
        assertThat(reports.report(colleague, all, october, Breakdown.PLACE)).isSameAs(first);
        assertThat(reports.report(parishStaff, all, october, Breakdown.PLACE).places()).isEqualTo(1);

        record Stored(long id, int version) {
        }
        Stored c = jdbc.sql("select id, version from visit_count where place_id = :p and on_date between :f and :t "
                        + "order by on_date limit 1")
                .param("p", placesA.get(0)).param("f", october.from()).param("t", october.to())
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2))).single();
        List<Long> county = new ArrayList<>(placesA);
        county.add(parishPlace);
        assertThat(first.total().current().get(Figure.VISITORS)).isEqualTo(published(Figure.VISITORS, county, "2026-10", "2026-10"));
        assertThat(counts.update(c.id(), c.version(), new CountQueries.Figures(100, 0, 0, 0, 0, 0, 0, 0, 0), Map.of(),
                Instant.now())).isTrue();
        ReportService.Report corrected = reports.report(coordinatorA, all, october, Breakdown.PLACE);
        assertThat(corrected).isNotSameAs(first);
        assertThat(corrected.total().current().get(Figure.VISITORS))
                .isNotEqualTo(first.total().current().get(Figure.VISITORS))
                .isEqualTo(published(Figure.VISITORS, county, "2026-10", "2026-10"));

        // a registry write moves the public data version: the kind breakdown follows the place's new kind
        ReportService.Report byKind = reports.report(coordinatorA, all, october, Breakdown.KIND);
        assertThat(byKind.rows()).extracting(ReportService.Row::key).doesNotContain("kFAMILY_HOUSE");
        jdbc.sql("update place set kind = 'FAMILY_HOUSE' where id = :p").param("p", placesA.get(0)).update();
        cache.changed();
        ReportService.Report moved = reports.report(coordinatorA, all, october, Breakdown.KIND);
        assertThat(moved).isNotSameAs(byKind);
        assertThat(moved.rows()).extracting(ReportService.Row::key).contains("kFAMILY_HOUSE");
    }

    @Test
    void aCountFarAboveItsPlacesUsualIsListed() {
        long place = fx.openPlace(fx.area(countyA, fx.municipality(countyA)), fx.municipality(countyA), mllA);
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        for (int d = 2; d <= 20; d += 2) {
            counts.insert(place, null, LocalDate.of(2026, 10, d), new CountQueries.Figures(5, 1, 2, 2, 0, 0, 0, 1, 1),
                    Map.of(), false, Instant.now());
        }
        ReportService.Report before = reports.report(coordinatorA, new Filter(null, null, null, null, place), october,
                Breakdown.PLACE);
        assertThat(before.outliers()).isEmpty();
        counts.insert(place, null, LocalDate.of(2026, 10, 21), new CountQueries.Figures(90, 10, 20, 34, 0, 0, 0, 1, 1),
                Map.of(), false, Instant.now());
        ReportService.Report r = reports.report(coordinatorA, new Filter(null, null, null, null, place), october,
                Breakdown.PLACE);
        assertThat(r.outliers()).hasSize(1);
        assertThat(r.outliers().get(0).date()).isEqualTo(LocalDate.of(2026, 10, 21));
        // 154 visitors, shown to the nearest ten; the usual count from the published visitors (254 in 11 counts)
        assertThat(r.outliers().get(0).visitors()).isEqualTo(150);
        assertThat(r.outliers().get(0).placeAverage()).isEqualTo(Math.round(254 / 11.0));
    }

    @Test
    void unusualCountsAreFoundInReportsOfAnySizeAsTheRawRowsShowThem() {
        // a county of 70 places (reports of more than 60 places listed none before): each with a rhythm of counts
        // in September and October, and 40 spikes, some two in one place, some at the period's edges
        long county = fx.county();
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, national, county);
        Random random = new Random(11);
        List<LocalDate> spikeDays = List.of(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 9), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 31));
        List<Long> places = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long place = fx.openPlace(area, m, org);
            places.add(place);
            for (LocalDate d = LocalDate.of(2026, 9, 1); d.isBefore(LocalDate.of(2026, 11, 1)); d = d.plusDays(3 + random.nextInt(3))) {
                if (!spikeDays.contains(d)) {
                    counts.insert(place, null, d, new CountQueries.Figures(2 + random.nextInt(8), random.nextInt(3),
                            random.nextInt(4), random.nextInt(4), 0, 0, 0, 1, 1), Map.of(), false, Instant.now());
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            long place = places.get(i % 30 * 2);
            LocalDate day = spikeDays.get((i + i / 30) % spikeDays.size());
            // 100 to 295 visitors, each a different number
            int visitors = 100 + 5 * i;
            counts.insert(place, null, day, new CountQueries.Figures(visitors / 2, 0, visitors - visitors / 2, 0, 0, 0, 0, 1, 1),
                    Map.of(), false, Instant.now());
        }
        Actor coordinator = new Actor(IDS.incrementAndGet(), "K", Role.COUNTY_COORDINATOR, null, Set.of(), county, null, null);
        Filter all = new Filter(null, null, null, null, null);
        for (Period period : List.of(new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31)),
                new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)))) {
            ReportService.Report r = reports.report(coordinator, all, period, Breakdown.PLACE);
            // the same from the raw rows: counts of at least 30 and over three times their place's average in the period
            List<String> expected = jdbc.sql("""
                    select c.on_date, c.v, m.average from (
                      select place_id, on_date, %1$s as v from visit_count
                      where on_date between :f and :t and place_id in (:p)) c
                    join (select place_id, avg(1.0 * (%1$s)) as average from visit_count
                          where on_date between :f and :t and place_id in (:p) group by place_id) m on m.place_id = c.place_id
                    where c.v >= 30 and c.v > 3 * m.average
                    order by c.v desc fetch first 20 rows only""".formatted(VISITORS))
                    .param("f", period.from()).param("t", period.to()).param("p", places)
                    .query((rs, n) -> rs.getObject(1, LocalDate.class) + " " + Math.round(rs.getLong(2) / 10.0) * 10)
                    .list();
            if (period.from().getMonthValue() == 9) {
                assertThat(expected).as("the fixture has more unusual counts than a report lists").hasSize(20);
            }
            assertThat(r.outliers()).extracting(o -> o.date() + " " + o.visitors())
                    .as(period.toString()).containsExactlyElementsOf(expected);
            assertThat(r.outliers()).allSatisfy(o -> assertThat(o.placeAverage()).isPositive());
        }
    }

    @Test
    void periodsAndTheirPreviousPeriods() {
        assertThat(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).previous())
                .isEqualTo(new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
        assertThat(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).previous())
                .isEqualTo(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).previous())
                .isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void aNationalReporterSeesItsPlacesInEveryCountyAndNothingElse() {
        Period autumn = new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31));
        ReportService.Report r = reports.report(reporter, new Filter(null, null, null, null, null), autumn, Breakdown.COUNTY);
        assertThat(r.rows()).hasSize(2);
        List<Long> theirs = new ArrayList<>(placesA);
        theirs.add(placeB);
        assertThat(r.places()).isEqualTo(theirs.size());
        assertThat(r.total().current().get(Figure.VISITORS)).isEqualTo(published(Figure.VISITORS, theirs, "2026-09", "2026-10"));
        // the parish's staff see the parish's place only
        ReportService.Report parish = reports.report(parishStaff, new Filter(null, null, null, null, null), autumn, Breakdown.PLACE);
        assertThat(parish.rows()).extracting(ReportService.Row::key).containsExactly("p" + parishPlace);
    }

    @Test
    void byOrganiserRollsSubOrganisationsUpToThePartsOfTheChosenOrganisation() {
        Period autumn = new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31));
        List<Long> underA = new ArrayList<>(placesA);
        // the national organisation's reporter, nothing chosen: everything under the one national organisation
        ReportService.Report top = reports.report(reporter, new Filter(null, null, null, null, null), autumn, Breakdown.ORGANISATION);
        assertThat(top.rows()).extracting(ReportService.Row::key).containsExactly("o" + national);
        // the national organisation chosen: one row per association, each the sum of its own places' raw rows
        ReportService.Report parts = reports.report(reporter, new Filter(null, null, national, null, null), autumn,
                Breakdown.ORGANISATION);
        assertThat(parts.rows()).extracting(ReportService.Row::key).containsExactlyInAnyOrder("o" + mllA, "o" + mllB);
        for (ReportService.Row row : parts.rows()) {
            List<Long> places = row.key().equals("o" + mllA) ? underA : List.of(placeB);
            assertThat(row.current().get(Figure.VISITORS)).as(row.key()).isEqualTo(published(Figure.VISITORS, places, "2026-09", "2026-10"));
            assertThat(row.places()).isEqualTo(places.size());
        }
        // an association chosen: its places are its own part
        ReportService.Report association = reports.report(reporter, new Filter(null, null, mllA, null, null), autumn,
                Breakdown.ORGANISATION);
        assertThat(association.rows()).extracting(ReportService.Row::key).containsExactly("o" + mllA);
        assertThat(association.total().current().get(Figure.VISITORS)).isEqualTo(published(Figure.VISITORS, underA, "2026-09", "2026-10"));
        // the county's coordinator: the national organisation's places in the county, and the parish
        ReportService.Report county = reports.report(coordinatorA, new Filter(null, null, null, null, null), autumn,
                Breakdown.ORGANISATION);
        assertThat(county.rows()).extracting(ReportService.Row::key).containsExactlyInAnyOrder("o" + national, "o" + parishA);
        // a place run by the association and the parish together is in both rows: the rows do not add up, so
        // the page says so
        jdbc.sql("insert into place_organiser (place_id, organisation_id) values (:p, :o)").param("p", parishPlace)
                .param("o", mllA).update();
        cache.changed();
        ReportService.Report shared = reports.report(coordinatorA, new Filter(null, null, national, null, null), autumn,
                Breakdown.ORGANISATION);
        assertThat(shared.rows()).extracting(ReportService.Row::key).containsExactly("o" + mllA);
        assertThat(shared.rows().get(0).places()).isEqualTo(placesA.size() + 1);
        ReportService.Report both = reports.report(coordinatorA, new Filter(null, null, null, null, null), autumn,
                Breakdown.ORGANISATION);
        assertThat(both.rows().stream().mapToLong(r -> r.current().get(Figure.VISITORS)).sum())
                .isGreaterThan(both.total().current().get(Figure.VISITORS));
        assertThat(both.total().current().get(Figure.VISITORS)).isEqualTo(published(Figure.VISITORS,
                java.util.stream.Stream.concat(underA.stream(), java.util.stream.Stream.of(parishPlace)).toList(),
                "2026-09", "2026-10"));
    }

    /**
     * A small organiser's row and a small place shared by two organisers: every row and total is the sum of its
     * places' shares, so that the rows less the total give the shared place's shares (0 or 5 a unit), never its
     * visitors.
     */
    @Test
    void aSmallRowByOrganiserAndASmallSharedPlaceAreSumsOfShares() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        long small = fx.organisation(OrganisationType.MLL_ASSOCIATION, national, countyA);
        long smallPlace = fx.openPlace(fx.area(countyA, fx.municipality(countyA)), fx.municipality(countyA), small);
        counts.insert(smallPlace, null, LocalDate.of(2026, 10, 6), new CountQueries.Figures(2, 1, 0, 1, 0, 0, 1, 0, 1),
                Map.of(), false, Instant.now());
        ReportService.Report byOrganiser = reports.report(coordinatorA, new Filter(null, null, national, null, null), october,
                Breakdown.ORGANISATION);
        assertThat(byOrganiser.rows()).extracting(ReportService.Row::key).containsExactlyInAnyOrder("o" + mllA, "o" + small);
        int smallRow = byOrganiser.rows().get(0).key().equals("o" + small) ? 0 : 1;
        assertThat(byOrganiser.hidden(smallRow, Figure.ADULTS)).isTrue();
        assertThat(byOrganiser.rows().get(smallRow).current().get(Figure.VISITORS))
                .isEqualTo(published(Figure.VISITORS, List.of(smallPlace), "2026-10", "2026-10")).isIn(0L, 5L, 10L, 15L);

        long shared = fx.openPlace(fx.area(countyA, fx.municipality(countyA)), fx.municipality(countyA), mllA);
        jdbc.sql("insert into place_organiser (place_id, organisation_id) values (:p, :o)").param("p", shared)
                .param("o", parishA).update();
        cache.changed();
        counts.insert(shared, null, LocalDate.of(2026, 10, 7), new CountQueries.Figures(2, 0, 1, 0, 0, 0, 0, 0, 1),
                Map.of(), false, Instant.now());
        ReportService.Report overlapping = reports.report(coordinatorA, new Filter(null, null, null, null, null), october,
                Breakdown.ORGANISATION);
        long rowSum = overlapping.rows().stream().mapToLong(r -> r.current().get(Figure.VISITORS)).sum();
        long sharedShares = published(Figure.VISITORS, List.of(shared), "2026-10", "2026-10");
        assertThat(rowSum - overlapping.total().current().get(Figure.VISITORS)).as("the shared place's shares")
                .isEqualTo(sharedShares).isIn(0L, 5L, 10L).isNotEqualTo(3L);
    }

    @Test
    void theReportPageAndItsCsvAnswerAndRefuseBadParameters() {
        WebClient web = new WebClient(port);
        assertThat(web.login("koordinaattori@demo.kohtaamo.fi", "demo-password-for-tests").header("Location"))
                .endsWith("/admin");
        WebClient.Response page = web.get("/admin/reports?from=2026-01-01&to=2026-10-31&breakdown=AREA&lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("h1").text()).isEqualTo("Reports");
        assertThat(page.html().select("figure.chart").get(0).select("svg rect.bar")).hasSize(10);
        // children by age band: two bars a band (this and the previous period) and the table beside, with the
        // summary table's figures
        var age = page.html().select("figure.chart").get(1);
        assertThat(age.select("svg rect.bar:not([x=40]):not([x=200])")).hasSize(10);
        assertThat(age.select("svg").attr("aria-labelledby")).isEqualTo("age-chart-title age-chart-desc");
        var ageRows = page.html().select("table:has(caption:contains(Children by age band)) tbody tr");
        assertThat(ageRows).hasSize(5);
        for (var row : ageRows) {
            String band = row.selectFirst("th").text();
            var summary = page.html().select("table").get(0).select("tbody tr:has(th:containsOwn(" + band + "))");
            assertThat(summary).as(band).isNotEmpty();
            assertThat(row.select("td").get(0).text()).as(band).isEqualTo(summary.get(0).select("td").get(0).text());
            assertThat(row.select("td").get(1).text()).as(band).isEqualTo(summary.get(0).select("td").get(1).text());
        }
        // the filter form (kept per scope, language and choice) shows each request's own choices and language
        var form = page.html().selectFirst("form.filters");
        assertThat(form.select("#f-breakdown option[selected]").attr("value")).isEqualTo("AREA");
        assertThat(form.select("#f-from").attr("value")).isEqualTo("2026-01");
        assertThat(form.select("#f-from").attr("type")).isEqualTo("month");
        assertThat(form.select("label[for=f-municipality]").text()).isEqualTo("Municipality");
        assertThat(form.select("#f-organisation option")).extracting(e -> e.text())
                .contains("Mannerheim League for Child Welfare", "MLL Uusimaa District");
        String espoo = form.select("#f-municipality option:containsOwn(Espoo)").attr("value");
        WebClient.Response chosen = web.get("/admin/reports?from=2026-01-01&to=2026-10-31&breakdown=PLACE&municipality="
                + espoo + "&lang=sv");
        var chosenForm = chosen.html().selectFirst("form.filters");
        assertThat(chosenForm.select("#f-breakdown option[selected]").attr("value")).isEqualTo("PLACE");
        assertThat(chosenForm.select("#f-municipality option[selected]").attr("value")).isEqualTo(espoo);
        assertThat(chosenForm.select("label[for=f-municipality]").text()).isEqualTo("Kommun");
        var again = web.get("/admin/reports?from=2026-02-01&to=2026-10-31&breakdown=AREA&lang=en").html().selectFirst("form.filters");
        assertThat(again.select("#f-municipality option[selected]")).isEmpty();
        assertThat(again.select("#f-from").attr("value")).isEqualTo("2026-02");
        // what the form sends: months
        assertThat(web.get("/admin/reports?from=2026-02&to=2026-10&breakdown=AREA&lang=en").status()).isEqualTo(200);
        WebClient.Response csv = web.get("/admin/reports.csv?from=2026-01-01&to=2026-10-31&breakdown=MUNICIPALITY");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("Espoo");
        byte[] xlsx = web.getBytes("/admin/reports.xlsx?from=2026-01-01&to=2026-10-31&breakdown=MUNICIPALITY&lang=sv");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("Kommun");
            assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Kommun");
            assertThat(sheet.getRow(8).getCell(1).getStringCellValue()).isEqualTo("Besök (vuxna och barn)");
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Totalt");
            assertThat(last.getCell(1).getNumericCellValue()).isPositive();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] pdf = web.getBytes("/admin/reports.pdf?from=2026-01-01&to=2026-10-31&breakdown=MUNICIPALITY&lang=en");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Reports 1.1.2026–31.10.2026");
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Key figures and the previous period", "Visits (adults and children)", "By municipality",
                    "Espoo", "Guided onward");
            // tagged: the document holds tables of header and data cells
            var document = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement)
                    doc.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            List<String> types = new java.util.ArrayList<>();
            for (Object kid : document.getKids()) {
                if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    types.add(e.getStructureType());
                }
            }
            assertThat(types).contains("H1", "P", "Table");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String bad : List.of("from=2026-02-30", "to=yesterday", "breakdown=PERSON", "area=1%20or%201=1",
                "from=2026-10-01&to=2026-01-01", "from=1990-01-01", "kind=CASTLE", "from=2000-01-01&to=2099-12-31",
                "from=2026-10-02&to=2026-10-31", "from=2026-10-01&to=2026-10-30", "from=2026-11&to=2026-11", "from=2026-13",
                "from=2026-09&to=2027-01")) {
            assertThat(web.get("/admin/reports?" + bad).status()).as(bad).isEqualTo(400);
        }
        // a period of days says that reports cover whole months that have ended
        assertThat(web.get("/admin/reports?from=2026-10-03&to=2026-10-20&lang=en").html().text())
                .contains("Reports cover whole months that have ended");
        WebClient partner = new WebClient(port);
        assertThat(partner.login("neuvola@demo.kohtaamo.fi", "demo-password-for-tests").header("Location"))
                .endsWith("/admin");
        assertThat(partner.get("/admin/reports").status()).isEqualTo(403);
    }
}
