package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.NationalData;
import fi.kohtaamo.shared.Scope;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national dataset's visit counts: {@link #YEARS} years (at scale 1.0) up to the day before "today" for every place,
 * one count a week for each of its activities (on a weekday of its own) and its open day, sized and
 * shaped like the demo's (seasonal rhythm, the seed's range), about 20 million rows at scale 1.0.
 * PostgreSQL is loaded with COPY, H2 with batches; the monthly sums are computed once at the end.
 */
@Component
@Order(130)
class NationalCounts implements NationalData {

    static final int YEARS = 10;

    private final CountQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final DataSource dataSource;
    private final Clock clock;
    private final TransactionTemplate tx;
    private long rows;

    NationalCounts(CountQueries queries, Registry registry, ActivityCalendar calendar, DataSource dataSource, Clock clock,
            TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.dataSource = dataSource;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void generate(Spec spec) {
        rows = 0;
        LocalDate last = spec.today().minusDays(1);
        // ten years at full scale; a smaller dataset covers a shorter time too (at least two months)
        long months = Math.max(2, Math.round(YEARS * 12 * Math.min(1.0, spec.scale())));
        LocalDate first = last.minusMonths(months).plusDays(1);
        Timestamp now = Timestamp.from(clock.instant());
        List<Registry.ReportPlace> places = registry.reportPlaces(Scope.ALL);
        for (int i = 0; i < places.size(); i += 200) {
            List<Registry.ReportPlace> chunk = places.subList(i, Math.min(places.size(), i + 200));
            tx.executeWithoutResult(s -> {
                List<Object[]> batch = new ArrayList<>();
                for (Registry.ReportPlace p : chunk) {
                    batch.addAll(counts(spec.seed(), p, first, last, now));
                }
                write(batch);
                rows += batch.size();
            });
        }
        tx.executeWithoutResult(s -> queries.refreshAllMonths());
    }

    @Override
    public String summary() {
        return rows + " visit counts";
    }

    List<Object[]> counts(long seed, Registry.ReportPlace place, LocalDate from, LocalDate to, Timestamp now) {
        Random random = new Random(seed * 31 + place.id());
        int monthly = 40 + (int) Math.round(Math.pow(random.nextDouble(), 1.6) * 1460);
        List<Long> subjects = new ArrayList<>();
        subjects.add(0L);
        calendar.activitiesOfPlace(place.id()).forEach(a -> subjects.add(a.id()));
        double perCount = monthly / (subjects.size() * 4.3);
        List<Object[]> out = new ArrayList<>();
        for (long subject : subjects) {
            DayOfWeek day = DayOfWeek.of(1 + (int) ((subject + place.id()) % 5));
            LocalDate d = from.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
            for (; !d.isAfter(to); d = d.plusWeeks(1)) {
                if (random.nextInt(14) == 0) {
                    continue;
                }
                double size = Math.max(1, perCount * MonitoringDemoData.SEASON[d.getMonthValue() - 1]
                        * (0.6 + random.nextDouble() * 0.8));
                int adults = (int) Math.max(1, Math.round(size * 0.45));
                int children = (int) Math.max(0, Math.round(size * 0.55));
                int[] bands = MonitoringDemoData.bands(place.kind() == null ? PlaceKind.OTHER : place.kind(), children, random);
                out.add(new Object[] {place.id(), subject == 0 ? null : subject, subject, d, adults, bands[0], bands[1],
                    bands[2], bands[3], bands[4], Math.min(adults, random.nextInt(Math.max(1, adults / 8) + 1)),
                    random.nextInt(3), 1 + random.nextInt(2), false, now, now});
            }
        }
        return out;
    }

    /** COPY on PostgreSQL (the bulk path), batched inserts elsewhere. */
    private void write(List<Object[]> batch) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
                StringBuilder csv = new StringBuilder(batch.size() * 64);
                for (Object[] r : batch) {
                    for (int i = 0; i < r.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        csv.append(r[i] == null ? "" : r[i].toString());
                    }
                    csv.append('\n');
                }
                new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class)).copyIn("""
                        copy visit_count (place_id, activity_id, subject, on_date, adults, children_under_1, children_1_2,
                                          children_3_6, children_7_12, children_13_17, first_time_families, volunteers, staff,
                                          demo, created_at, updated_at) from stdin with (format csv)""",
                        new StringReader(csv.toString()));
            } else {
                queries.insertBatch(batch);
            }
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException("Loading the national visit counts failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
