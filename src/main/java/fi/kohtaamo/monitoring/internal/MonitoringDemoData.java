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
import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final fi.kohtaamo.monitoring.ServiceTypes types;

    MonitoringDemoData(CountQueries queries, Registry registry, ActivityCalendar calendar, JdbcClient jdbc, Clock clock,
            TransactionTemplate tx, fi.kohtaamo.monitoring.ServiceTypes types) {
        this.types = types;
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
            referrals(county.get());
            queries.refreshAllMonths();
        });
    }

    /**
     * How often the demo guides families to each seeded service type, in shares: the child health clinic most often
     * (seed 002 names these services); a type the county added later gets one share.
     */
    static final Map<String, Integer> REFERRAL_SHARES = Map.ofEntries(Map.entry("CHILD_HEALTH_CLINIC", 8),
            Map.entry("FAMILY_COUNSELLING", 5), Map.entry("FAMILY_SOCIAL_WORK", 4), Map.entry("FAMILY_WORK", 4),
            Map.entry("ECEC", 4), Map.entry("ORAL_HEALTH", 3), Map.entry("SPEECH_THERAPY", 3),
            Map.entry("IMMIGRANT_SERVICES", 3), Map.entry("PARISH_DIACONIA", 2), Map.entry("MLL_SUPPORT_PERSONS", 2),
            Map.entry("NGO_SERVICES", 1), Map.entry("OTHER", 1));

    /**
     * About one count in twenty guided a family onward (sometimes two), to the county's service types in use, read
     * from its catalogue, in the shares of {@link #REFERRAL_SHARES}.
     */
    private void referrals(long county) {
        List<fi.kohtaamo.monitoring.ServiceTypes.ServiceType> active = types.active(county);
        if (active.isEmpty()) {
            return;
        }
        StringBuilder cases = new StringBuilder("case");
        Map<String, Object> params = new HashMap<>();
        int bound = 0;
        for (int i = 0; i < active.size(); i++) {
            bound += REFERRAL_SHARES.getOrDefault(active.get(i).code(), 1);
            cases.append(" when k < ").append(bound).append(" then :s").append(i);
            params.put("s" + i, active.get(i).code());
        }
        cases.append(" end");
        jdbc.sql("insert into visit_count_referral (count_id, service, families) select id, " + cases
                + ", case when mod(id / 20, 7) = 3 then 2 else 1 end from (select id, mod(id / 20, :total) k "
                + "from visit_count where demo = true and mod(id, 20) = 0 and adults > 0) c")
                .params(params).param("total", bound).update();
    }

    List<Object[]> counts(PlaceInfo place, LocalDate from, LocalDate to, Timestamp now) {
        Random random = new Random(place.id() * 7919L);
        int monthly = typicalMonth(place.kind(), random);
        // the days counted, each with its activity (null: an open day)
        List<Map.Entry<Long, LocalDate>> days = new ArrayList<>();
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
                days.add(new AbstractMap.SimpleEntry<>(a.id(), day));
                counted.add(day);
            }
        }
        // before the programme: open days on the place's usual weekdays
        int daysAWeek = 2 + (int) (place.id() % 4);
        for (LocalDate d = from; d.isBefore(programmeStart) && !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= daysAWeek && d.getDayOfWeek() != DayOfWeek.SUNDAY && !counted.contains(d)
                    && random.nextInt(15) != 0) {
                days.add(new AbstractMap.SimpleEntry<>(null, d));
            }
        }
        // a month's visits are the place's typical month in that month's rhythm, shared among the days counted
        double[] weight = new double[days.size()];
        Map<YearMonth, Double> weights = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            weight[i] = 0.6 + random.nextDouble() * 0.8;
            weights.merge(YearMonth.from(days.get(i).getValue()), weight[i], Double::sum);
        }
        Map<YearMonth, Double> target = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            YearMonth month = YearMonth.from(days.get(i).getValue());
            double visits = target.computeIfAbsent(month,
                    m -> monthly * SEASON[m.getMonthValue() - 1] * (0.92 + random.nextDouble() * 0.16));
            rows.add(row(place, days.get(i).getKey(), days.get(i).getValue(), visits * weight[i] / weights.get(month),
                    random, now));
        }
        return rows;
    }

    /**
     * A typical month's visits (seed 000: "Kuukausittaiset kävijämäärät vaihtelevat 40–1500 käyntikerran välillä.
     * Lokakuussa 2021 on Uudellamaalla sijaitsevissa kohtaamispaikoissa ollut 1000–1500 käyntikertaa"): the
     * professional meeting places of Uusimaa, as MLL's family houses, about 960–1190 (October is busier), the others
     * from 70 to about 900, most of them small.
     */
    static int typicalMonth(PlaceKind kind, Random random) {
        double r = random.nextDouble();
        return kind == PlaceKind.FAMILY_HOUSE || kind == PlaceKind.FAMILY_CENTRE ? 960 + (int) Math.round(r * 230)
                : 70 + (int) Math.round(Math.pow(r, 1.6) * 830);
    }

    private static Object[] row(PlaceInfo place, Long activity, LocalDate day, double visits, Random random,
            Timestamp now) {
        double size = Math.max(1, visits);
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
