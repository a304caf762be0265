package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two years of plausible counts for every demo place, up to yesterday: the occurrences of its
 * programme since the programme began (about one in twelve left uncounted, as in real life), and
 * before that its open days. Sizes follow the seed (seed 000: monthly visits 40–1500 a place, 1000–1500
 * in Uusimaa's big places), with the year's rhythm: low in summer, high in autumn and spring.
 */
@Component
@Order(120)
class MonitoringDemoData implements DemoData {

    /** How busy each month is compared with an ordinary one (January = 1). */
    static final double[] SEASON = {1.0, 1.05, 1.1, 1.0, 0.85, 0.45, 0.25, 0.6, 1.1, 1.15, 1.1, 0.7};

    private final CountQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    MonitoringDemoData(CountQueries queries, Registry registry, ActivityCalendar calendar, JdbcClient jdbc, Clock clock,
            TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        Optional<Long> county = registry.countyIdByCode("LU");
        if (county.isEmpty() || queries.any()) {
            return;
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(CountService.HELSINKI)).minusDays(1);
        Map<Long, PlaceInfo> places = registry.publicPlaces(new PlaceCriteria(null, null, null, Set.of(), county.get()));
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(s -> {
            for (PlaceInfo place : places.values()) {
                queries.insertBatch(counts(place, yesterday.minusYears(2).plusDays(1), yesterday, now));
            }
            // about one count in twenty guided a family onward
            jdbc.sql("""
                    insert into visit_count_referral (count_id, service, families)
                    select id, case mod(id, 3) when 0 then 'CHILD_HEALTH_CLINIC' when 1 then 'FAMILY_COUNSELLING'
                                               else 'FAMILY_SOCIAL_WORK' end, 1
                    from visit_count where demo = true and mod(id, 20) = 0 and adults > 0""").update();
            queries.refreshAllMonths();
        });
    }

    List<Object[]> counts(PlaceInfo place, LocalDate from, LocalDate to, Timestamp now) {
        Random random = new Random(place.id() * 7919L);
        // a typical month's visits: big places of Uusimaa up to 1500, small ones from 40
        int monthly = 40 + (int) Math.round(Math.pow(random.nextDouble(), 1.6) * 1460);
        List<Object[]> rows = new ArrayList<>();
        Set<LocalDate> counted = new HashSet<>();
        LocalDate programmeStart = to.plusDays(1);
        for (ActivityCalendar.ActivityRef a : calendar.activitiesOfPlace(place.id())) {
            if (!a.published() || a.seasonStart().isAfter(to)) {
                continue;
            }
            programmeStart = programmeStart.isAfter(a.seasonStart()) ? a.seasonStart() : programmeStart;
            for (ActivityCalendar.OccurrenceRef o : calendar.occurrences(a.id(), a.seasonStart(), to)) {
                LocalDate day = o.start().toLocalDate();
                if (o.cancelled() || day.isAfter(to) || day.isBefore(from) || random.nextInt(12) == 0) {
                    continue;
                }
                rows.add(row(place, a.id(), day, monthly / 12.0, random, now));
                counted.add(day);
            }
        }
        // before the programme: open days on the place's usual weekdays
        int daysAWeek = 2 + (int) (place.id() % 4);
        for (LocalDate d = from; d.isBefore(programmeStart) && !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= daysAWeek && d.getDayOfWeek() != DayOfWeek.SUNDAY && !counted.contains(d)
                    && random.nextInt(15) != 0) {
                rows.add(row(place, null, d, monthly / (daysAWeek * 4.3), random, now));
            }
        }
        return rows;
    }

    private static Object[] row(PlaceInfo place, Long activity, LocalDate day, double mean, Random random, Timestamp now) {
        double size = Math.max(1, mean * SEASON[day.getMonthValue() - 1] * (0.6 + random.nextDouble() * 0.8));
        int adults = (int) Math.max(1, Math.round(size * 0.45));
        int children = (int) Math.max(0, Math.round(size * 0.55));
        int[] bands = bands(place.kind(), children, random);
        int firstTime = random.nextInt(Math.max(1, adults / 8) + 1);
        int volunteers = place.kind() == PlaceKind.FAMILY_CAFE ? 1 + random.nextInt(3) : random.nextInt(2);
        int staff = place.kind() == PlaceKind.FAMILY_CAFE ? random.nextInt(2) : 1 + random.nextInt(2);
        return new Object[] {place.id(), activity, activity == null ? 0L : activity, day, adults, bands[0], bands[1],
            bands[2], bands[3], bands[4], Math.min(firstTime, adults), volunteers, staff, true, now, now};
    }

    /** Children by age band (under 1, 1–2, 3–6, 7–12, 13–17) by the kind of place. */
    static int[] bands(PlaceKind kind, int children, Random random) {
        double[] share = switch (kind) {
            case FAMILY_CAFE -> new double[] {0.3, 0.35, 0.3, 0.05, 0};
            case RESIDENT_PARK -> new double[] {0.05, 0.2, 0.4, 0.3, 0.05};
            case OPEN_DAYCARE -> new double[] {0.1, 0.4, 0.5, 0, 0};
            case PARISH_FAMILY_CLUB -> new double[] {0.15, 0.4, 0.45, 0, 0};
            default -> new double[] {0.15, 0.25, 0.3, 0.2, 0.1};
        };
        int[] out = new int[5];
        int left = children;
        for (int i = 0; i < 4; i++) {
            out[i] = (int) Math.min(left, Math.round(children * share[i] * (0.8 + random.nextDouble() * 0.4)));
            left -= out[i];
        }
        out[4] = share[4] == 0 ? 0 : left;
        if (share[4] == 0) {
            out[2] += left;
        }
        return out;
    }
}
