package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.monitoring.internal.CountQueries;
import fi.kohtaamo.monitoring.internal.CountService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visit counts on the real database: one count per occurrence or open day, corrections with the audit
 * log and optimistic locking, bad figures refused with nothing stored, the month grid all or nothing,
 * who may count where, and the demo data's two years with their seasonal rhythm. The test clock is
 * Wednesday 2026-11-25.
 */
@IntegrationTest
class CountTest {

    static final AtomicLong IDS = new AtomicLong(2_000_000);

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired CountService counts;
    @Autowired CountQueries queries;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    long county, area, org, otherOrg, place, activity;
    String muni;
    Actor staff, otherStaff, volunteer, partner;

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.openPlace(area, muni, org);
        staff = new Actor(IDS.incrementAndGet(), "Staff", Role.PROVIDER_STAFF, org, registry.organisationWithDescendants(org),
                null, null, null);
        otherStaff = new Actor(IDS.incrementAndGet(), "Other", Role.PROVIDER_STAFF, otherOrg,
                registry.organisationWithDescendants(otherOrg), null, null, null);
        volunteer = new Actor(IDS.incrementAndGet(), "Veera", Role.VOLUNTEER, null, Set.of(), null, null, place);
        partner = new Actor(IDS.incrementAndGet(), "Nelli", Role.PARTNER, otherOrg, Set.of(otherOrg), null, null, null);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-10";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9.30";
        f.endTime = "11:30";
        f.languages.add("fi");
        activity = activities.create(staff, f);
    }

    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    static Map<String, String> figures(int adults, int under1, int small, int first) {
        Map<String, String> m = new HashMap<>();
        m.put("adults", "" + adults);
        m.put("childrenUnder1", "" + under1);
        m.put("children1to2", "" + small);
        m.put("firstTimeFamilies", "" + first);
        m.put("staff", "1");
        return m;
    }

    /** The latest day on or before the given one when the place is open by its opening hours. */
    static LocalDate openDayOnOrBefore(Registry registry, long placeId, LocalDate day) {
        for (LocalDate d = day; d.isAfter(day.minusDays(400)); d = d.minusDays(1)) {
            LocalDate on = d;
            if (registry.openingHours(placeId, on).stream().anyMatch(h -> h.weekday() == on.getDayOfWeek())) {
                return on;
            }
        }
        throw new AssertionError("place " + placeId + " is never open");
    }

    long rows() {
        return jdbc.sql("select count(*) from visit_count where place_id = :p").param("p", place).query(Long.class).single();
    }

    @Test
    void anOccurrenceIsCountedOnceAndCorrectedWithItsVersion() {
        long id = counts.save(volunteer, place, activity, TUESDAY, figures(8, 3, 6, 1));
        CountQueries.Count c = queries.count(place, activity, TUESDAY).orElseThrow();
        assertThat(c.id()).isEqualTo(id);
        assertThat(c.figures().adults()).isEqualTo(8);
        assertThat(c.figures().children()).isEqualTo(9);
        assertThat(c.figures().visitors()).isEqualTo(17);
        // a second "new" count of the same occurrence is a stale correction, not a second row
        catchThrowableOfType(KohtaamoException.Conflict.class, () -> counts.save(staff, place, activity, TUESDAY,
                figures(9, 3, 6, 1)));
        Map<String, String> correction = figures(9, 3, 6, 1);
        correction.put("version", "0");
        correction.put("ref.CHILD_HEALTH_CLINIC", "2");
        counts.save(staff, place, activity, TUESDAY, correction);
        CountQueries.Count corrected = queries.count(place, activity, TUESDAY).orElseThrow();
        assertThat(corrected.figures().adults()).isEqualTo(9);
        assertThat(corrected.referrals()).containsEntry("CHILD_HEALTH_CLINIC", 2);
        // the old version again: stale
        catchThrowableOfType(KohtaamoException.Conflict.class, () -> counts.save(staff, place, activity, TUESDAY, correction));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'visit_count' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(2);
        assertThat(rows()).isEqualTo(1);
        // the month's sums follow every write
        assertThat(jdbc.sql("select adults from visit_count_month where place_id = :p and ym = 202611").param("p", place)
                .query(Long.class).single()).isEqualTo(9);
    }

    @Test
    void badFiguresAreRefusedAndNothingIsStored() {
        Map<String, String> bad = figures(5, 0, 0, 7);
        bad.put("children3to6", "-2");
        bad.put("children7to12", "99999");
        bad.put("volunteers", "=1+1");
        bad.put("ref.FAMILY_WORK", "40");
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.save(staff, place, activity, TUESDAY, bad));
        assertThat(e.errors().all()).extracting(x -> x.field())
                .contains("children3to6", "children7to12", "volunteers", "firstTimeFamilies", "ref.FAMILY_WORK");
        // a day to come; a day the activity does not run
        assertThat(catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.save(staff, place, activity,
                LocalDate.of(2026, 12, 1), figures(1, 0, 0, 0))).errors().all().get(0).messageKey())
                .isEqualTo("monitoring.validation.future");
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> counts.save(staff, place, activity,
                LocalDate.of(2026, 11, 23), figures(1, 0, 0, 0)));
        assertThat(rows()).isZero();
        // the open day of the place can be counted any past day
        counts.save(staff, place, 0, LocalDate.of(2026, 11, 23), figures(4, 1, 2, 0));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aPlaceClosedWithNothingScheduledOffersNoCountingThatDay() {
        long closed = fx.place(area, muni, org);
        LocalDate monday = LocalDate.of(2026, 11, 23);
        // the open place offers its open day; the closed one offers nothing that day
        assertThat(counts.day(staff, place, monday)).extracting(CountService.Countable::subject).containsExactly(0L);
        assertThat(counts.day(staff, closed, monday)).isEmpty();
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.save(staff, closed, 0, monday,
                figures(4, 1, 2, 0)));
        assertThat(e.errors().all().get(0).messageKey()).isEqualTo("monitoring.validation.closed");
        // nor a row of the month grid, nor a forged one
        assertThat(counts.month(staff, closed, YearMonth.of(2026, 11))).isEmpty();
        catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.saveMonth(staff, closed, YearMonth.of(2026, 11),
                Map.of("r0.key", "0/2026-11-23", "r0.adults", "4")));
        assertThat(jdbc.sql("select count(*) from visit_count where place_id = :p").param("p", closed).query(Long.class)
                .single()).isZero();
    }

    @Test
    void onlyThosePlacesStaffAndVolunteersCount() {
        catchThrowableOfType(KohtaamoException.Forbidden.class, () -> counts.save(otherStaff, place, activity, TUESDAY,
                figures(1, 0, 0, 0)));
        catchThrowableOfType(KohtaamoException.Forbidden.class, () -> counts.save(partner, place, activity, TUESDAY,
                figures(1, 0, 0, 0)));
        assertThat(rows()).isZero();
    }

    @Test
    void theMonthGridIsSavedAllOrNothing() {
        var rows = counts.month(staff, place, YearMonth.of(2026, 11));
        // the Tuesdays of November up to today: 3., 10., 17., 24.
        assertThat(rows).extracting(r -> r.date().toString())
                .containsExactly("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24");
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            form.put("r" + i + ".key", rows.get(i).subject() + "/" + rows.get(i).date());
        }
        form.put("r0.adults", "6");
        form.put("r1.adults", "7");
        form.put("r2.adults", "lots");
        catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.saveMonth(staff, place, YearMonth.of(2026, 11), form));
        assertThat(rows()).isZero();
        form.put("r2.adults", "5");
        form.put("r2.children3to6", "4");
        assertThat(counts.saveMonth(staff, place, YearMonth.of(2026, 11), form)).isEqualTo(3);
        assertThat(rows()).isEqualTo(3);
        assertThat(queries.count(place, activity, LocalDate.of(2026, 11, 17)).orElseThrow().figures().children3to6())
                .isEqualTo(4);
        // a forged row key is refused
        form.put("r3.key", activity + "/2026-11-25");
        catchThrowableOfType(KohtaamoException.Invalid.class, () -> counts.saveMonth(staff, place, YearMonth.of(2026, 11), form));
    }

    @Test
    void theDemoDataHasTwoYearsWithTheSeasonalRhythm() {
        long countyId = registry.countyIdByCode("LU").orElseThrow();
        long all = jdbc.sql("select count(*) from visit_count where demo = true").query(Long.class).single();
        assertThat(all).isGreaterThan(20_000);
        LocalDate first = jdbc.sql("select min(on_date) from visit_count where demo = true").query(LocalDate.class).single();
        LocalDate last = jdbc.sql("select max(on_date) from visit_count where demo = true").query(LocalDate.class).single();
        assertThat(first).isBefore(LocalDate.of(2024, 12, 1));
        assertThat(last).isEqualTo(LocalDate.of(2026, 11, 24));
        long july = visitors("2026-07-01", "2026-07-31");
        long october = visitors("2026-10-01", "2026-10-31");
        assertThat(july * 2).isLessThan(october);
        // monthly visits per place within the seed's range (40–1500, with the seasons' swing)
        long places = jdbc.sql("select count(distinct place_id) from visit_count where demo = true").query(Long.class).single();
        assertThat(october / places).isBetween(100L, 1500L);
        assertThat(countyId).isPositive();
    }

    long visitors(String from, String to) {
        return jdbc.sql("""
                select coalesce(sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17), 0)
                from visit_count where demo = true and on_date between :f and :t""")
                .param("f", LocalDate.parse(from)).param("t", LocalDate.parse(to)).query(Long.class).single();
    }

    @Test
    void theCounterPagesAnswerAndRefuseBadInputWithAMessage() {
        WebClient web = new WebClient(port);
        assertThat(web.login("mll@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        WebClient.Response places = web.get("/admin/counts");
        assertThat(places.status()).isIn(200, 302);
        String placeLink = places.status() == 302 ? places.header("Location")
                : places.html().select("main .card-list a").first().attr("href");
        placeLink = placeLink.replaceAll("^https?://[^/]+", "");
        // a day the place is open, so that its open day can be counted even with nothing scheduled
        long placeId = Long.parseLong(placeLink.replaceAll("^.*/", ""));
        LocalDate open = openDayOnOrBefore(registry, placeId, TUESDAY);
        WebClient.Response day = web.get(placeLink + "?date=" + open);
        assertThat(day.status()).isEqualTo(200);
        String counter = day.html().select("main .card-list h3 a").first().attr("href");
        WebClient.Response page = web.get(counter);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("button.counter-step")).hasSizeGreaterThan(10);
        assertThat(page.html().select("input[name=adults]")).hasSize(1);
        String action = page.html().select("form.counter-form").attr("action");
        Map<String, String> form = new HashMap<>();
        page.html().select("form.counter-form input").forEach(i -> form.put(i.attr("name"), i.attr("value")));
        form.remove("_csrf");
        form.put("adults", "-1");
        WebClient.Response bad = web.post(action, form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".error-summary").text()).contains("Aikuiset");
        assertThat(web.get(placeLink + "?date=not-a-day").status()).isEqualTo(400);
        assertThat(web.get(placeLink + "/month?month=2026-13").status()).isEqualTo(400);
        assertThat(web.get(placeLink + "/month?month=2026-11").status()).isEqualTo(200);
        assertThat(web.get(placeLink + "/count?subject=abc&date=2026-11-24").status()).isEqualTo(404);
    }
}
