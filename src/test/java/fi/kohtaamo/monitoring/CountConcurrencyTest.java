package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.monitoring.internal.CountService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts of different days and occurrences of one place and month written at the same time by several
 * staff: every write is stored (no "someone else changed this", no deadlock), and the monthly sums equal
 * the raw counts afterwards. The test clock is Wednesday 2026-11-25; the counts are of October 2026.
 */
@IntegrationTest
class CountConcurrencyTest {

    static final int THREADS = 4;
    static final int WRITES = 40;

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired CountService counts;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;

    @Test
    void staffCountingDifferentDaysOfOnePlaceAtOnceAllSucceedAndTheMonthlySumsStayExact() throws Exception {
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long place = fx.openPlace(area, muni, org);
        Actor staff = new Actor(CountTest.IDS.incrementAndGet(), "Staff", Role.PROVIDER_STAFF, org,
                registry.organisationWithDescendants(org), null, null, null);
        // five activities every day and the open day: 6 x 31 countables in October
        List<Long> subjects = new ArrayList<>(List.of(0L));
        for (int i = 0; i < 5; i++) {
            ActivityForm f = new ActivityForm();
            f.placeId = String.valueOf(place);
            f.kind = "FAMILY_CAFE";
            f.nameFi = Fixtures.unique("Päivittäinen");
            f.scheduleKind = "WEEKLY";
            f.weekdays.addAll(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
            f.seasonStart = "2026-08-10";
            f.seasonEnd = "2027-05-31";
            f.startTime = (9 + i) + ".00";
            f.endTime = (9 + i) + ".45";
            f.languages.add("fi");
            f.pausesOnHolidays = "false";
            subjects.add(activities.create(staff, f));
        }
        record Job(long subject, LocalDate day, int adults) {
        }
        List<Job> jobs = new ArrayList<>();
        for (int d = 1; d <= 31 && jobs.size() < THREADS * WRITES; d++) {
            for (long s : subjects) {
                if (jobs.size() < THREADS * WRITES) {
                    jobs.add(new Job(s, LocalDate.of(2026, 10, d), 1 + (d * 7 + jobs.size()) % 40));
                }
            }
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                start.await();
                // each thread takes every fourth job: the threads write neighbouring days at the same time
                for (int i = thread; i < jobs.size(); i += THREADS) {
                    Job j = jobs.get(i);
                    Map<String, String> form = new HashMap<>();
                    form.put("adults", "" + j.adults());
                    form.put("children3to6", "" + (j.adults() / 2));
                    form.put("firstTimeFamilies", j.adults() > 2 ? "1" : "0");
                    if (j.adults() > 3) {
                        form.put("ref.CHILD_HEALTH_CLINIC", "2");
                    }
                    try {
                        counts.save(staff, place, j.subject(), j.day(), form);
                    } catch (RuntimeException e) {
                        failures.add(j + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("select count(*) from visit_count where place_id = :p").param("p", place).query(Long.class)
                .single()).isEqualTo(THREADS * WRITES);
        // the monthly sums are the raw rows' sums
        Map<String, Object> month = jdbc.sql("""
                select counts, days, activity_counts, visitors, adults, children_3_6, first_time_families, max_visitors
                from visit_count_month where place_id = :p and ym = 202610""").param("p", place).query().singleRow();
        Map<String, Object> raw = jdbc.sql("""
                select count(*) counts, count(distinct on_date) days, count(activity_id) activity_counts,
                       sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17) visitors,
                       sum(adults) adults, sum(children_3_6) children_3_6, sum(first_time_families) first_time_families,
                       max(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17) max_visitors
                from visit_count where place_id = :p""").param("p", place).query().singleRow();
        assertThat(month.keySet()).hasSize(8);
        for (String k : month.keySet()) {
            assertThat(((Number) month.get(k)).longValue()).as(k).isEqualTo(((Number) raw.get(k)).longValue());
        }
        assertThat(((Number) month.get("counts")).longValue()).isEqualTo(THREADS * WRITES);
        long referred = jdbc.sql("""
                select coalesce(sum(r.families), 0) from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.place_id = :p""").param("p", place).query(Long.class).single();
        assertThat(referred).isPositive();
        assertThat(jdbc.sql("select families from visit_referral_month where place_id = :p and ym = 202610 "
                + "and service = 'CHILD_HEALTH_CLINIC'").param("p", place).query(Long.class).single()).isEqualTo(referred);
        // the month grid shows them all
        assertThat(counts.month(staff, place, YearMonth.of(2026, 10))).filteredOn(r -> r.count() != null)
                .hasSize(THREADS * WRITES);

        // a real concurrent edit of the same count at the same version: one is stored, the others are stale
        Job first = jobs.get(0);
        CyclicBarrier again = new CyclicBarrier(THREADS);
        List<Future<String>> edits = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int adults = 50 + t;
            edits.add(pool.submit(() -> {
                again.await();
                try {
                    counts.save(staff, place, first.subject(), first.day(), Map.of("adults", "" + adults, "version", "0"));
                    return "stored";
                } catch (fi.kohtaamo.shared.KohtaamoException.Conflict e) {
                    return "stale";
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : edits) {
            outcomes.add(f.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("stored").containsOnly("stored", "stale");
        assertThat(jdbc.sql("select adults from visit_count_month where place_id = :p and ym = 202610").param("p", place)
                .query(Long.class).single()).isEqualTo(jdbc.sql("select sum(adults) from visit_count where place_id = :p")
                .param("p", place).query(Long.class).single());
    }

}
